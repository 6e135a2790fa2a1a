package com.gavel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM's CPU time and memory from /proc, and its heap from its GC log
 * ({@code -Xlog:gc:file=...:time}): the occupancy before each collection is the peak it reached.
 */
final class ProcStats {

	private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

	private static final Pattern GC_LINE = Pattern
		.compile("^\\[([^\\]]+)\\].*?\\s(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private final long pid;

	private final Path gcLog;

	ProcStats(long pid, Path gcLog) {
		this.pid = pid;
		this.gcLog = gcLog;
	}

	/** utime + stime of the process, in seconds. */
	double cpuSeconds() {
		return cpuSeconds("/proc/" + this.pid + "/stat");
	}

	static double ownCpuSeconds() {
		return cpuSeconds("/proc/self/stat");
	}

	private static double cpuSeconds(String file) {
		try {
			String stat = Files.readString(Path.of(file));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is the state (field 3); utime is field 14, stime field 15.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** A value of /proc/PID/status in MiB, e.g. VmRSS or VmHWM. */
	double statusMb(String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + this.pid + "/status"))) {
				if (line.startsWith(key + ":")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return Double.NaN;
	}

	/** Samples VmRSS in the background and keeps the largest value. */
	final class RssSampler implements AutoCloseable {

		private final AtomicLong peakKb = new AtomicLong();

		private final Thread thread;

		private volatile boolean running = true;

		RssSampler() {
			this.thread = new Thread(() -> {
				while (this.running) {
					double mb = statusMb("VmRSS");
					if (!Double.isNaN(mb)) {
						this.peakKb.accumulateAndGet((long) (mb * 1024), Math::max);
					}
					try {
						Thread.sleep(250);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "rss-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		double peakMb() {
			return this.peakKb.get() / 1024.0;
		}

		@Override
		public void close() {
			this.running = false;
			this.thread.interrupt();
		}

	}

	/** Heap figures from the GC log between two instants: [peak before GC, peak after GC] in MiB. */
	double[] heapMb(Instant from, Instant to) {
		double peakBefore = 0;
		double peakAfter = 0;
		for (String line : gcLines()) {
			Matcher m = GC_LINE.matcher(line);
			if (!m.find()) {
				continue;
			}
			Instant at;
			try {
				at = OffsetDateTime.parse(m.group(1), GC_TIME).toInstant();
			}
			catch (RuntimeException ex) {
				continue;
			}
			if (at.isBefore(from) || at.isAfter(to)) {
				continue;
			}
			peakBefore = Math.max(peakBefore, mb(m.group(2), m.group(3)));
			peakAfter = Math.max(peakAfter, mb(m.group(4), m.group(5)));
		}
		return new double[] { peakBefore, peakAfter };
	}

	/** The heap left after the newest collection of any kind, in MiB (NaN before the first). */
	double lastHeapAfterGcMb() {
		double after = Double.NaN;
		for (String line : gcLines()) {
			Matcher m = GC_LINE.matcher(line);
			if (m.find()) {
				after = mb(m.group(4), m.group(5));
			}
		}
		return after;
	}

	/** The heap's maximum as the GC log states it (the size in parentheses), in MiB. */
	double maxHeapMb() {
		double max = Double.NaN;
		for (String line : gcLines()) {
			Matcher m = GC_LINE.matcher(line);
			if (m.find()) {
				max = Double.isNaN(max) ? mb(m.group(6), m.group(7)) : Math.max(max, mb(m.group(6), m.group(7)));
			}
		}
		return max;
	}

	/** The heap left after the newest full collection (as after {@code jcmd PID GC.run}), in MiB. */
	double heapAfterLastFullGcMb() {
		double after = Double.NaN;
		for (String line : gcLines()) {
			if (line.contains("Pause Full")) {
				Matcher m = GC_LINE.matcher(line);
				if (m.find()) {
					after = mb(m.group(4), m.group(5));
				}
			}
		}
		return after;
	}

	/** The heap in use right now (no collection), from {@code jcmd PID GC.heap_info}, in MiB. */
	double heapUsedNowMb() {
		String out = jcmd("GC.heap_info");
		Matcher m = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(out);
		return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
	}

	/** The live objects by class, as {@code jcmd PID GC.class_histogram} prints them (after a full collection). */
	String classHistogram() {
		return jcmd("GC.class_histogram");
	}

	private String jcmd(String command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process p = new ProcessBuilder(jcmd.toString(), Long.toString(this.pid), command).redirectErrorStream(true)
				.start();
			String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
			return out;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	/** Runs a full collection in the process through jcmd, and waits for it. */
	void fullGc() {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process p = new ProcessBuilder(jcmd.toString(), Long.toString(this.pid), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
			Thread.sleep(500);
		}
		catch (IOException ex) {
			throw new IllegalStateException("jcmd failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> gcLines() {
		try {
			return Files.exists(this.gcLog) ? Files.readAllLines(this.gcLog) : List.of();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static double mb(String value, String unit) {
		double v = Double.parseDouble(value);
		return switch (unit) {
			case "K" -> v / 1024;
			case "G" -> v * 1024;
			default -> v;
		};
	}

}
