package com.gavel.config;

/**
 * Someone signed out of the HTTP session {@code sessionId}: the sockets opened with it close, on
 * this node and (through the cluster relay) on every other node of the house.
 */
public record SessionSignedOut(String sessionId) {
}
