package com.gavel.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.gavel.account.UserRepository.Standing;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Hands out the sign-in kept in the HTTP session with the user's current role and ban, read from
 * their account. The session (in the database, shared by every node, kept across restarts) says
 * who signed in; what they may do is their account's, so a ban or a role change made on any node
 * counts from the user's next request. A user whose account is gone counts as signed out.
 * <p>
 * The account is read once per request, and only by a request that asks who is signed in (pages,
 * the API, the socket handshake; not a stylesheet): one lookup by primary key. The session itself
 * is not rewritten; the next request reads the account again.
 */
final class CurrentAccountContextRepository implements SecurityContextRepository {

	private final SecurityContextRepository sessions;

	private final UserRepository users;

	private final SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

	CurrentAccountContextRepository(SecurityContextRepository sessions, UserRepository users) {
		this.sessions = sessions;
		this.users = users;
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return new Current(this.sessions.loadDeferredContext(request));
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return current(this.sessions.loadContext(holder));
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return this.sessions.containsContext(request);
	}

	private SecurityContext current(SecurityContext stored) {
		Authentication signedIn = stored.getAuthentication();
		if (signedIn == null || !(signedIn.getPrincipal() instanceof GavelUser user)) {
			return stored;
		}
		Optional<Standing> standing = this.users.findStandingById(user.id());
		if (standing.isEmpty()) {
			return this.strategy.createEmptyContext();
		}
		Standing now = standing.get();
		if (now.role() == user.role() && now.banned() == user.banned()) {
			return stored;
		}
		GavelUser updated = user.withStanding(now.role(), now.banned());
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(updated,
				null, updated.getAuthorities());
		authentication.setDetails(signedIn.getDetails());
		SecurityContext context = this.strategy.createEmptyContext();
		context.setAuthentication(authentication);
		return context;
	}

	/** The stored context, brought up to date the first time it is asked for. */
	private final class Current implements DeferredSecurityContext {

		private final DeferredSecurityContext stored;

		private SecurityContext context;

		Current(DeferredSecurityContext stored) {
			this.stored = stored;
		}

		@Override
		public SecurityContext get() {
			if (this.context == null) {
				this.context = current(this.stored.get());
			}
			return this.context;
		}

		@Override
		public boolean isGenerated() {
			return this.stored.isGenerated();
		}

	}

}
