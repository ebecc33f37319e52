-- Yunxie schema: runs on MySQL 8 / MariaDB 10.11 and on H2 in MySQL mode.
-- Times are UTC, written by the application's clock (never NOW()), so that
-- tests can move time and every instance agrees on what "due" means.

CREATE TABLE community (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                 VARCHAR(100) NOT NULL,
    next_round_number    INT          NOT NULL DEFAULT 1,
    next_proposal_number INT          NOT NULL DEFAULT 1,
    created_at           DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE building (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id BIGINT      NOT NULL,
    name         VARCHAR(50) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    CONSTRAINT uq_building_name UNIQUE (community_id, name),
    CONSTRAINT fk_building_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ineligible_reason NULL means the household takes part (unsold or vacant units do not).
CREATE TABLE household (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id      BIGINT        NOT NULL,
    building_id       BIGINT        NOT NULL,
    unit_label        VARCHAR(30)   NOT NULL,
    floor_area        DECIMAL(10, 2) NOT NULL,
    ineligible_reason VARCHAR(100)  NULL,
    created_at        DATETIME(3)   NOT NULL,
    CONSTRAINT uq_household_label UNIQUE (community_id, unit_label),
    CONSTRAINT fk_household_building FOREIGN KEY (building_id) REFERENCES building (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    display_name VARCHAR(50) NOT NULL,
    created_at   DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A chat identity belongs to one member: a WeCom userid, a WeCom external userid or an official-account openid.
CREATE TABLE member_identity (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_id   BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uq_identity UNIQUE (kind, external_id),
    CONSTRAINT fk_identity_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE binding_code (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    household_id      BIGINT       NOT NULL,
    code              VARCHAR(16)  NOT NULL,
    role              VARCHAR(20)  NOT NULL,
    issued_by         VARCHAR(100) NOT NULL,
    issued_at         DATETIME(3)  NOT NULL,
    expires_at        DATETIME(3)  NOT NULL,
    used_at           DATETIME(3)  NULL,
    used_by_member_id BIGINT       NULL,
    CONSTRAINT uq_binding_code UNIQUE (code),
    CONSTRAINT fk_code_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE household_member (
    household_id    BIGINT      NOT NULL,
    member_id       BIGINT      NOT NULL,
    role            VARCHAR(20) NOT NULL,
    binding_code_id BIGINT      NULL,
    bound_at        DATETIME(3) NOT NULL,
    PRIMARY KEY (household_id, member_id),
    CONSTRAINT fk_hm_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT fk_hm_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_hm_member ON household_member (member_id);

CREATE TABLE chat_group (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    CONSTRAINT fk_group_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE chat_group_building (
    chat_group_id BIGINT NOT NULL,
    building_id   BIGINT NOT NULL,
    PRIMARY KEY (chat_group_id, building_id),
    CONSTRAINT fk_cgb_group FOREIGN KEY (chat_group_id) REFERENCES chat_group (id),
    CONSTRAINT fk_cgb_building FOREIGN KEY (building_id) REFERENCES building (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A consultation round. Its rule columns are frozen once opened_at is set.
-- Lifecycle: draft (opened_at NULL) -> opened -> closing_at passes -> closed_at -> outcome_published_at;
-- cancelled_at ends it early.
CREATE TABLE round (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id         BIGINT       NOT NULL,
    number               INT          NOT NULL,
    chat_group_id        BIGINT       NULL,
    kind                 VARCHAR(20)  NOT NULL,
    title                VARCHAR(200) NOT NULL,
    body                 VARCHAR(2000) NULL,
    secret               BOOLEAN      NOT NULL,
    results_live         BOOLEAN      NOT NULL,
    max_choices          INT          NOT NULL,
    rule_preset          VARCHAR(30)  NOT NULL,
    rule_heads           VARCHAR(20)  NOT NULL,
    rule_base            VARCHAR(20)  NOT NULL,
    participation_heads  VARCHAR(12)  NULL,
    participation_area   VARCHAR(12)  NULL,
    approval_heads       VARCHAR(12)  NULL,
    approval_area        VARCHAR(12)  NULL,
    share_mode           VARCHAR(20)  NULL,
    share_amount_fen     BIGINT       NULL,
    support_threshold    INT          NULL,
    promote_on_threshold BOOLEAN      NOT NULL,
    reminder_offsets     VARCHAR(100) NOT NULL,
    promoted_from_proposal_id BIGINT  NULL,
    created_by           VARCHAR(100) NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    opened_at            DATETIME(3)  NULL,
    closing_at           DATETIME(3)  NOT NULL,
    closed_at            DATETIME(3)  NULL,
    cancelled_at         DATETIME(3)  NULL,
    cancel_reason        VARCHAR(500) NULL,
    outcome_published_at DATETIME(3)  NULL,
    CONSTRAINT uq_round_number UNIQUE (community_id, number),
    CONSTRAINT fk_round_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_round_due ON round (closed_at, closing_at);
CREATE INDEX ix_round_group ON round (chat_group_id, closed_at);

CREATE TABLE round_option (
    round_id BIGINT      NOT NULL,
    position INT         NOT NULL,
    label    VARCHAR(50) NOT NULL,
    meaning  VARCHAR(10) NOT NULL,
    PRIMARY KEY (round_id, position),
    CONSTRAINT fk_option_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE round_building (
    round_id    BIGINT NOT NULL,
    building_id BIGINT NOT NULL,
    PRIMARY KEY (round_id, building_id),
    CONSTRAINT fk_rb_round FOREIGN KEY (round_id) REFERENCES round (id),
    CONSTRAINT fk_rb_building FOREIGN KEY (building_id) REFERENCES building (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The roll: eligible households of the round's buildings, frozen when it opens,
-- with the floor area, owner head and cost share they are counted with.
CREATE TABLE round_household (
    round_id     BIGINT         NOT NULL,
    household_id BIGINT         NOT NULL,
    floor_area   DECIMAL(10, 2) NOT NULL,
    head_key     VARCHAR(40)    NOT NULL,
    share_fen    BIGINT         NULL,
    PRIMARY KEY (round_id, household_id),
    CONSTRAINT fk_rh_round FOREIGN KEY (round_id) REFERENCES round (id),
    CONSTRAINT fk_rh_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE round_reminder (
    round_id       BIGINT      NOT NULL,
    offset_minutes INT         NOT NULL,
    due_at         DATETIME(3) NOT NULL,
    sent_at        DATETIME(3) NULL,
    PRIMARY KEY (round_id, offset_minutes),
    CONSTRAINT fk_reminder_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_reminder_due ON round_reminder (sent_at, due_at);

-- A household's current ballot (in a cost share: its pledge or objection).
-- In secret rounds the choice is sealed and "choice" stays NULL.
CREATE TABLE ballot (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT       NOT NULL,
    household_id  BIGINT       NOT NULL,
    choice        VARCHAR(40)  NULL,
    sealed_choice VARCHAR(200) NULL,
    member_id     BIGINT       NULL,
    channel       VARCHAR(20)  NOT NULL,
    offline_kind  VARCHAR(10)  NULL,
    evidence      VARCHAR(500) NULL,
    entered_by    VARCHAR(100) NULL,
    cast_at       DATETIME(3)  NOT NULL,
    CONSTRAINT uq_ballot UNIQUE (round_id, household_id),
    CONSTRAINT fk_ballot_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every cast, including the current one, in order.
CREATE TABLE ballot_history (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT       NOT NULL,
    household_id  BIGINT       NOT NULL,
    choice        VARCHAR(40)  NULL,
    sealed_choice VARCHAR(200) NULL,
    member_id     BIGINT       NULL,
    channel       VARCHAR(20)  NOT NULL,
    offline_kind  VARCHAR(10)  NULL,
    evidence      VARCHAR(500) NULL,
    entered_by    VARCHAR(100) NULL,
    cast_at       DATETIME(3)  NOT NULL,
    CONSTRAINT fk_history_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_history_household ON ballot_history (round_id, household_id);

CREATE TABLE receipt (
    round_id     BIGINT      NOT NULL,
    household_id BIGINT      NOT NULL,
    code         VARCHAR(8)  NOT NULL,
    issued_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (round_id, household_id),
    CONSTRAINT uq_receipt_code UNIQUE (round_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE outcome (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id                 BIGINT         NOT NULL,
    decided_at               DATETIME(3)    NOT NULL,
    passed                   BOOLEAN        NOT NULL,
    verdict                  VARCHAR(30)    NOT NULL,
    adopted_options          VARCHAR(40)    NULL,
    rule_summary             VARCHAR(200)   NOT NULL,
    eligible_households      INT            NOT NULL,
    eligible_heads           INT            NOT NULL,
    eligible_area            DECIMAL(14, 2) NOT NULL,
    participating_households INT            NOT NULL,
    participating_heads      INT            NOT NULL,
    participating_area       DECIMAL(14, 2) NOT NULL,
    CONSTRAINT uq_outcome_round UNIQUE (round_id),
    CONSTRAINT fk_outcome_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE outcome_option (
    outcome_id BIGINT         NOT NULL,
    position   INT            NOT NULL,
    households INT            NOT NULL,
    heads      INT            NOT NULL,
    area       DECIMAL(14, 2) NOT NULL,
    PRIMARY KEY (outcome_id, position),
    CONSTRAINT fk_oo_outcome FOREIGN KEY (outcome_id) REFERENCES outcome (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Cost-share ledger: one line per household of a cost share whose rule was met.
-- Status reads from the *_at columns: refunded, else exempt, else paid, else pledged.
CREATE TABLE ledger_line (
    round_id     BIGINT       NOT NULL,
    household_id BIGINT       NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    confirmed    BOOLEAN      NOT NULL,
    pledged_at   DATETIME(3)  NOT NULL,
    paid_at      DATETIME(3)  NULL,
    paid_by      VARCHAR(100) NULL,
    exempt_at    DATETIME(3)  NULL,
    exempt_by    VARCHAR(100) NULL,
    refunded_at  DATETIME(3)  NULL,
    refunded_by  VARCHAR(100) NULL,
    note         VARCHAR(500) NULL,
    PRIMARY KEY (round_id, household_id),
    CONSTRAINT fk_ledger_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE proposal (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id      BIGINT        NOT NULL,
    number            INT           NOT NULL,
    round_id          BIGINT        NOT NULL,
    household_id      BIGINT        NOT NULL,
    member_id         BIGINT        NULL,
    channel           VARCHAR(20)   NOT NULL,
    body              VARCHAR(1000) NOT NULL,
    submitted_at      DATETIME(3)   NOT NULL,
    flagged_at        DATETIME(3)   NULL,
    promoted_round_id BIGINT        NULL,
    responded_at      DATETIME(3)   NULL,
    response          VARCHAR(20)   NULL,
    response_note     VARCHAR(500)  NULL,
    merged_into_id    BIGINT        NULL,
    responded_by      VARCHAR(100)  NULL,
    CONSTRAINT uq_proposal_number UNIQUE (community_id, number),
    CONSTRAINT fk_proposal_round FOREIGN KEY (round_id) REFERENCES round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE proposal_support (
    proposal_id  BIGINT      NOT NULL,
    household_id BIGINT      NOT NULL,
    member_id    BIGINT      NULL,
    channel      VARCHAR(20) NOT NULL,
    supported_at DATETIME(3) NOT NULL,
    PRIMARY KEY (proposal_id, household_id),
    CONSTRAINT fk_support_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Messages for the chat groups, written in the same transaction as the change they announce.
CREATE TABLE outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    dedupe_key      VARCHAR(120) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    round_id        BIGINT       NULL,
    chat_group_id   BIGINT       NULL,
    payload         TEXT         NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    next_attempt_at DATETIME(3)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    claimed_by      VARCHAR(100) NULL,
    claimed_until   DATETIME(3)  NULL,
    sent_at         DATETIME(3)  NULL,
    failed_at       DATETIME(3)  NULL,
    last_error      VARCHAR(500) NULL,
    CONSTRAINT uq_outbox_key UNIQUE (dedupe_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_outbox_pending ON outbox (sent_at, failed_at, next_attempt_at);

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE audit_entry (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(3)   NOT NULL,
    community_id BIGINT        NULL,
    round_id     BIGINT        NULL,
    household_id BIGINT        NULL,
    actor_kind   VARCHAR(10)   NOT NULL,
    actor_id     VARCHAR(64)   NULL,
    actor_name   VARCHAR(100)  NOT NULL,
    channel      VARCHAR(20)   NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    detail       VARCHAR(1000) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_audit_round ON audit_entry (round_id, id);
CREATE INDEX ix_audit_community ON audit_entry (community_id, id);
