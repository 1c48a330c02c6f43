/**
 * Retention as the law says (保存期限, issue 21): each region's keeping per kind of record within the legal bounds
 * (《保障农民工工资支付条例》第十五条, 《网络安全法》第二十一条, 《个人信息保护法》第十九条、第四十七条), the nightly job
 * that anonymises what passed its keeping through each module's {@link org.wageguard.shared.retention.RecordAnonymiser}
 * and records what it did, and the workers' requests to delete their personal data with their answers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "保存期限", allowedDependencies = {"shared", "identity", "workforce"})
package org.wageguard.retention;
