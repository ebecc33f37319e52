-- Messages to one member (an official-account notice to a landlord living elsewhere) go through the outbox
-- like group announcements: member_id instead of chat_group_id.
ALTER TABLE outbox ADD COLUMN member_id BIGINT NULL;
