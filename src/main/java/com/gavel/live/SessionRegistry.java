package com.gavel.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Who is connected, and which sockets belong to which user and come from which address. Admits a
 * socket only within the node's limit and the caps per user and per address, checked and counted
 * in one step so that sockets racing in cannot all slip under a cap. Which lots a socket watches
 * is in {@link WatchedLots}.
 */
@Component
class SessionRegistry {

	static final CloseStatus NODE_FULL = new CloseStatus(1013, "connection limit reached");

	static final CloseStatus USER_CAP = new CloseStatus(1013, "too many sockets for this user");

	static final CloseStatus ADDRESS_CAP = new CloseStatus(1013, "too many sockets from this address");

	private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

	private final Map<Long, Set<LiveSession>> byUser = new ConcurrentHashMap<>();

	/** Sockets per client address; guarded by this registry's monitor. */
	private final Map<String, Integer> byAddress = new HashMap<>();

	private final int maxConnections;

	private final int maxPerUser;

	private final int maxPerAddress;

	SessionRegistry(LiveProperties properties) {
		this.maxConnections = properties.maxConnections();
		this.maxPerUser = properties.maxSocketsPerUser();
		this.maxPerAddress = properties.maxSocketsPerAddress();
	}

	/** Registers the socket, or says why not: the close status to refuse it with. */
	synchronized CloseStatus admit(LiveSession session) {
		if (this.sessions.size() >= this.maxConnections) {
			return NODE_FULL;
		}
		if (session.userId() != null && ofUser(session.userId()).size() >= this.maxPerUser) {
			return USER_CAP;
		}
		String address = session.clientAddress();
		if (address != null && this.byAddress.getOrDefault(address, 0) >= this.maxPerAddress) {
			return ADDRESS_CAP;
		}
		this.sessions.put(session.id(), session);
		if (session.userId() != null) {
			this.byUser.computeIfAbsent(session.userId(), (k) -> ConcurrentHashMap.newKeySet()).add(session);
		}
		if (address != null) {
			this.byAddress.merge(address, 1, Integer::sum);
		}
		return null;
	}

	synchronized void remove(LiveSession session) {
		if (this.sessions.remove(session.id()) == null) {
			return;
		}
		if (session.userId() != null) {
			this.byUser.computeIfPresent(session.userId(), (k, set) -> {
				set.remove(session);
				return set.isEmpty() ? null : set;
			});
		}
		if (session.clientAddress() != null) {
			this.byAddress.computeIfPresent(session.clientAddress(), (k, n) -> (n > 1) ? n - 1 : null);
		}
	}

	Collection<LiveSession> ofUser(long userId) {
		return this.byUser.getOrDefault(userId, Set.of());
	}

	/** Whether any signed-in user has a socket here. */
	boolean anyUsers() {
		return !this.byUser.isEmpty();
	}

	Collection<LiveSession> all() {
		return this.sessions.values();
	}

	int count() {
		return this.sessions.size();
	}

}
