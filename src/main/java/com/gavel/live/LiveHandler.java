package com.gavel.live;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.gavel.account.Account;
import com.gavel.account.AccountService;
import com.gavel.account.GavelUser;
import com.gavel.account.Role;
import com.gavel.auction.BidIntake;
import com.gavel.auction.BidResult;
import com.gavel.auction.BidSubmission;
import com.gavel.auction.InvalidBidException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The {@code /ws} endpoint: turns client messages into subscriptions and bids, and answers them.
 * Bad input gets an {@code error} and changes nothing; only the cases in docs/protocol.md close a
 * socket.
 */
@Component
class LiveHandler extends AbstractWebSocketHandler {

	static final String PROTOCOL = "gavel.v1";

	private static final Logger log = LoggerFactory.getLogger(LiveHandler.class);

	private static final String SESSION = LiveSession.class.getName();

	private static final String SERVER_ERROR = "server-error";

	/** Tomcat's limit on a blocking send, such as the close frame, in milliseconds. */
	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	/**
	 * Tomcat's limit on sending the close frame when it closes a socket itself for a protocol error
	 * (a frame too big, unmasked or not UTF-8). Its default of 50 ms is missed whenever the
	 * closing thread is not scheduled in time, and the peer then sees the connection just end,
	 * without the code that says why.
	 */
	private static final String PROTOCOL_ERROR_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT";

	private static final long CLOSE_FRAME_TIMEOUT_MILLIS = 2000;

	private final SessionRegistry registry;

	private final WatchedLots lots;

	private final LiveFanout fanout;

	private final MessageCodec codec;

	private final BidIntake intake;

	private final AccountService accounts;

	private final LiveMetrics metrics;

	private final LiveExecutors executors;

	private final LiveProperties properties;

	private final OpsFeed opsFeed;

	/** The house clock: hello and pong carry it, so pages can show how far the device's own is off. */
	private final Clock clock;

	LiveHandler(SessionRegistry registry, WatchedLots lots, LiveFanout fanout, MessageCodec codec,
			BidIntake intake, AccountService accounts, LiveMetrics metrics, LiveExecutors executors,
			LiveProperties properties, OpsFeed opsFeed, Clock clock) {
		this.opsFeed = opsFeed;
		this.clock = clock;
		this.registry = registry;
		this.lots = lots;
		this.fanout = fanout;
		this.codec = codec;
		this.intake = intake;
		this.accounts = accounts;
		this.metrics = metrics;
		this.executors = executors;
		this.properties = properties;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
		Session nativeSession = ((NativeWebSocketSession) socket).getNativeSession(Session.class);
		// Every close sends its close frame, whoever closes and whatever for, given a peer that reads.
		nativeSession.getUserProperties().put(BLOCKING_SEND_TIMEOUT, CLOSE_FRAME_TIMEOUT_MILLIS);
		nativeSession.getUserProperties().put(PROTOCOL_ERROR_CLOSE_TIMEOUT, CLOSE_FRAME_TIMEOUT_MILLIS);
		if (this.registry.count() >= this.properties.maxConnections()) {
			refuse(socket, SessionRegistry.NODE_FULL);
			return;
		}
		Account account = account(socket.getPrincipal());
		if (account != null && account.banned()) {
			this.metrics.closed(CloseStatus.POLICY_VIOLATION.getCode());
			socket.close(CloseStatus.POLICY_VIOLATION.withReason("banned"));
			return;
		}
		RemoteEndpoint.Async remote = nativeSession.getAsyncRemote();
		remote.setSendTimeout(this.properties.sendTimeout().toMillis());

		LiveSession session = new LiveSession(socket, account != null ? account.id() : null,
				account != null ? account.username() : null, account != null && account.role() == Role.ADMIN,
				ClientAddressInterceptor.of(socket), this.properties, this.codec, this.lots, this.metrics,
				this.executors.closes());
		session.attach(new Outbox(remote, this.properties.queueCapacity(), this.executors.sends(), session));
		CloseStatus refused = this.registry.admit(session);
		if (refused != null) {
			refuse(socket, refused);
			return;
		}
		socket.getAttributes().put(SESSION, session);
		session.send(Frame.direct(this.codec.write(new ServerMessage.Hello("hello", PROTOCOL, session.username(),
				account != null && account.mayBid(), this.clock.millis()))));
	}

	/** Refused sockets close on the handshake's thread: nothing is queued for them yet. */
	private void refuse(WebSocketSession socket, CloseStatus status) throws IOException {
		this.metrics.closed(status.getCode());
		socket.close(status);
	}

	@Override
	protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
		LiveSession session = (LiveSession) socket.getAttributes().get(SESSION);
		if (session == null) {
			return;
		}
		session.touch();
		ClientMessage parsed = null;
		try {
			parsed = this.codec.read(message.getPayload());
			handle(session, parsed);
		}
		catch (BadMessageException ex) {
			error(session, ex.code(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			serverError(session, parsed, ex);
		}
	}

	private void handle(LiveSession session, ClientMessage parsed) {
		if (parsed instanceof ClientMessage.Subscribe subscribe) {
			if (allowed(session, session.trySubscribe(), "subscribe", this.properties.subscribesPerSecond())) {
				this.fanout.subscribe(session, subscribe.lots());
			}
		}
		else if (parsed instanceof ClientMessage.Unsubscribe unsubscribe) {
			unsubscribe.lots().forEach((lotId) -> this.fanout.unsubscribe(session, lotId));
		}
		else if (parsed instanceof ClientMessage.Bid bid) {
			bid(session, bid);
		}
		else if (parsed instanceof ClientMessage.Ops ops) {
			if (!session.admin()) {
				throw new BadMessageException("forbidden", "the operations feed is for admins");
			}
			session.watchOps(ops.on());
			if (ops.on()) {
				this.opsFeed.sendNow(session);
			}
		}
		else if (parsed instanceof ClientMessage.Ping ping) {
			if (allowed(session, session.tryPing(), "ping", this.properties.pingsPerSecond())) {
				session.send(Frame.direct(
						this.codec.write(new ServerMessage.Pong("pong", ping.t(), this.clock.millis()))));
			}
		}
	}

	/**
	 * Whether a rate-limited message may be handled. A refused one changes nothing and keeps the
	 * socket; the first of a run of refusals is answered with {@code rate-limited}.
	 */
	private boolean allowed(LiveSession session, MessageLimiter.Verdict verdict, String type, double perSecond) {
		if (verdict == MessageLimiter.Verdict.ALLOW) {
			return true;
		}
		this.metrics.limited(type);
		if (verdict == MessageLimiter.Verdict.REFUSE) {
			error(session, "rate-limited", "too many '" + type + "' messages: at most "
					+ BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString()
					+ " a second; those over it are ignored");
		}
		return false;
	}

	/**
	 * Whatever failed unexpectedly, the message is answered and the socket stays: a bid gets a
	 * refused {@code bid-result} (sending it again with the same request id is safe), anything
	 * else an {@code error}.
	 */
	private void serverError(LiveSession session, ClientMessage parsed, RuntimeException ex) {
		String type = (parsed != null) ? parsed.getClass().getSimpleName() : "unparsed";
		log.error("Handling {} from socket {} failed", type, session.id(), ex);
		if (parsed instanceof ClientMessage.Bid bid) {
			this.metrics.rejected(SERVER_ERROR);
			session.send(rejection(bid, SERVER_ERROR, "The server could not take the bid. Send it again."));
		}
		else {
			error(session, SERVER_ERROR, "the server could not handle the message; try again");
		}
	}

	private void bid(LiveSession session, ClientMessage.Bid bid) {
		if (!session.signedIn()) {
			session.send(rejection(bid, "not-signed-in", "Sign in to bid."));
			return;
		}
		BidResult result;
		try {
			result = this.intake.submit(session.userId(),
					new BidSubmission(bid.lot(), bid.requestId(), bid.buyNow(), bid.amount(), bid.maximum()));
		}
		catch (InvalidBidException ex) {
			throw new BadMessageException("invalid-request", ex.getMessage());
		}
		if (result.accepted()) {
			session.rememberAlias(bid.lot(), result.alias());
			session.send(Frame.direct(this.codec.write(new ServerMessage.BidResult("bid-result", result.requestId(),
					result.lotId(), true, result.leading(), result.price(), result.alias(), result.sequence(),
					result.arrivedAt(), null, null, null, result.receipt()))));
		}
		else {
			String ask = result.lot() != null ? result.lot().ask() : null;
			session.send(Frame.direct(this.codec.write(new ServerMessage.BidResult("bid-result", result.requestId(),
					result.lotId(), false, null, null, null, null, result.arrivedAt(), result.reason().code(),
					result.reason().message(), ask, null))));
		}
	}

	private Frame rejection(ClientMessage.Bid bid, String reason, String message) {
		return Frame.direct(this.codec.write(new ServerMessage.BidResult("bid-result", bid.requestId(), bid.lot(),
				false, null, null, null, null, null, reason, message, null, null)));
	}

	private void error(LiveSession session, String code, String message) {
		session.send(Frame.direct(this.codec.write(new ServerMessage.Error("error", code, message))));
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) throws Exception {
		this.metrics.closed(CloseStatus.NOT_ACCEPTABLE.getCode());
		socket.close(CloseStatus.NOT_ACCEPTABLE.withReason("binary frames are not accepted"));
	}

	@Override
	public void handleTransportError(WebSocketSession socket, Throwable exception) {
		log.debug("Transport error on socket {}: {}", socket.getId(), exception.getMessage());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
		LiveSession session = (LiveSession) socket.getAttributes().remove(SESSION);
		if (session != null) {
			session.closed();
			this.registry.remove(session);
		}
	}

	private Account account(Principal principal) {
		if (principal instanceof Authentication auth && auth.getPrincipal() instanceof GavelUser user) {
			return this.accounts.find(user.id()).orElse(null);
		}
		return null;
	}

}
