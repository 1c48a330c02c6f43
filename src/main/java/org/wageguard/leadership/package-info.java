/**
 * The leadership group (领导小组) of a region: its leader, deputies and members, and the duties of each member unit
 * with the document that set them — what an assignment (交办) and a supervision notice (督办) cite when they press a
 * department to act ("明确职责分工…严格落实行业主管责任…层层压实").
 */
@org.springframework.modulith.ApplicationModule(displayName = "领导小组与成员单位职责", allowedDependencies = {"shared", "identity"})
@org.wageguard.shared.PublishedTables(read = {"published_member_duty", "published_duty_document"}, referenced = "member_duty")
package org.wageguard.leadership;
