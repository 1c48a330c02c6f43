-- An assignment (交办) may cite the member unit's duty it enforces; the assignment sheet and the supervision notice print it.
ALTER TABLE case_assignment ADD COLUMN duty_id BIGINT REFERENCES member_duty (id);
COMMENT ON COLUMN case_assignment.duty_id IS '所依据的成员单位职责（可选）';
