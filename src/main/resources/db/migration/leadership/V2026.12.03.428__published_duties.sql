-- Member units' duties and the documents that set them, as casework's assignments cite them (issue 22).
CREATE VIEW published_member_duty AS SELECT * FROM member_duty;
CREATE VIEW published_duty_document AS SELECT * FROM duty_document;
