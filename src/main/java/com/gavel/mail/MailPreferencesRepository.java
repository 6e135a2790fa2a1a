package com.gavel.mail;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailPreferencesRepository extends JpaRepository<MailPreferences, Long> {

}
