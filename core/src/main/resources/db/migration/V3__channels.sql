-- Channels: who is staff in the chats, how each group is reached, and the durable record of what arrived.

CREATE TABLE staff (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id BIGINT      NOT NULL,
    display_name VARCHAR(50) NOT NULL,
    role         VARCHAR(30) NOT NULL,
    wecom_userid VARCHAR(64) NULL,
    created_at   DATETIME(3) NOT NULL,
    CONSTRAINT uq_staff_wecom UNIQUE (community_id, wecom_userid),
    CONSTRAINT fk_staff_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- wecom_chat_id: the chat id WeCom uses for the group (smart robot chatid, or the app chat's chatid).
-- post_via: how announcements reach the group: ROBOT_WEBHOOK (robot_webhook_key), APP_CHAT, or NONE.
ALTER TABLE chat_group ADD COLUMN wecom_chat_id VARCHAR(64) NULL;
ALTER TABLE chat_group ADD COLUMN post_via VARCHAR(20) NOT NULL DEFAULT 'NONE';
ALTER TABLE chat_group ADD COLUMN robot_webhook_key VARCHAR(100) NULL;
CREATE UNIQUE INDEX uq_group_chat ON chat_group (wecom_chat_id);

-- Every message a channel acknowledged, written before the acknowledgement: the final guard against a
-- retried delivery being processed twice, and what a restarted instance picks up if it died mid-way.
CREATE TABLE inbound_message (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel      VARCHAR(20)  NOT NULL,
    dedupe_key   VARCHAR(160) NOT NULL,
    received_at  DATETIME(3)  NOT NULL,
    sender       VARCHAR(128) NULL,
    chat_id      VARCHAR(64)  NULL,
    body         TEXT         NOT NULL,
    claimed_until DATETIME(3) NOT NULL,
    processed_at DATETIME(3)  NULL,
    reply        TEXT         NULL,
    CONSTRAINT uq_inbound UNIQUE (channel, dedupe_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_inbound_pending ON inbound_message (processed_at, claimed_until);
