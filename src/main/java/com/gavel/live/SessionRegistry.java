package com.gavel.live;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Who is connected, who watches which lot, and which sockets belong to which user. */
@Component
class SessionRegistry {

	private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

	private final Map<Long, Set<LiveSession>> watchers = new ConcurrentHashMap<>();

	private final Map<Long, Set<LiveSession>> byUser = new ConcurrentHashMap<>();

	void add(LiveSession session) {
		this.sessions.put(session.id(), session);
		if (session.userId() != null) {
			this.byUser.computeIfAbsent(session.userId(), (k) -> ConcurrentHashMap.newKeySet()).add(session);
		}
	}

	void remove(LiveSession session) {
		if (this.sessions.remove(session.id()) == null) {
			return;
		}
		for (long lotId : session.subscriptions()) {
			unsubscribe(session, lotId);
		}
		if (session.userId() != null) {
			this.byUser.computeIfPresent(session.userId(), (k, set) -> {
				set.remove(session);
				return set.isEmpty() ? null : set;
			});
		}
	}

	void subscribe(LiveSession session, long lotId) {
		if (session.subscribe(lotId)) {
			this.watchers.computeIfAbsent(lotId, (k) -> ConcurrentHashMap.newKeySet()).add(session);
		}
	}

	void unsubscribe(LiveSession session, long lotId) {
		session.unsubscribe(lotId);
		this.watchers.computeIfPresent(lotId, (k, set) -> {
			set.remove(session);
			return set.isEmpty() ? null : set;
		});
	}

	Collection<LiveSession> watchers(long lotId) {
		return this.watchers.getOrDefault(lotId, Set.of());
	}

	Collection<LiveSession> ofUser(long userId) {
		return this.byUser.getOrDefault(userId, Set.of());
	}

	Collection<LiveSession> all() {
		return this.sessions.values();
	}

	int count() {
		return this.sessions.size();
	}

	int subscriptionCount() {
		return this.watchers.values().stream().mapToInt(Set::size).sum();
	}

	Map<Long, Integer> watcherCounts() {
		return this.watchers.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().size()));
	}

}
