package com.gavel.account;

public enum Role {

	BIDDER, ADMIN

}
