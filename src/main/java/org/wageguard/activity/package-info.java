/**
 * The leadership group's and task force's meetings, and the publicity and training events: what was held, who came,
 * what was decided and who follows it up — the first part of every work summary.
 */
@org.springframework.modulith.ApplicationModule(displayName = "会议与宣传培训", allowedDependencies = {"shared", "identity"})
package org.wageguard.activity;
