/**
 * Text messages that reach people (短信, issue 20): one {@link org.wageguard.messaging.SmsGateway} — the city's
 * government SMS platform (政务短信平台) or a cloud SMS service over HTTP, the log in the demo — and the message log:
 * the portal's one-time codes, notices to complainants (accepted, assigned, paid), to workers (工资到账提醒, with their
 * opt-out) and to officers who chose them (an assignment, a red alert). Every message is logged with its phone masked,
 * retried with backoff, rate-limited per phone and held back at night, except one-time codes. The notices follow the
 * other modules' events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "短信通知",
        allowedDependencies = {"shared", "identity", "casework", "payroll", "monitoring", "workforce", "project"})
package org.wageguard.messaging;
