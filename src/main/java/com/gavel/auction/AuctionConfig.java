package com.gavel.auction;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AuctionProperties.class, SaleProperties.class })
class AuctionConfig {

}
