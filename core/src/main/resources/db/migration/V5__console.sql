-- The staff console: streets, console accounts and the communities they see, roster imports, and the name a
-- binding code was issued for (so the printed sheet can say who it is for).

CREATE TABLE street (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    CONSTRAINT uq_street_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A community belongs to at most one street; its street administrators see it.
CREATE TABLE street_community (
    community_id BIGINT NOT NULL PRIMARY KEY,
    street_id    BIGINT NOT NULL,
    CONSTRAINT fk_sc_street FOREIGN KEY (street_id) REFERENCES street (id),
    CONSTRAINT fk_sc_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- role: STREET_ADMIN (street_id set: every community of the street), COMMUNITY_ADMIN, STAFF, COUNCIL,
-- SUPERVISOR (the communities in console_account_community). Passwords are BCrypt hashes only.
CREATE TABLE console_account (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    username             VARCHAR(50)  NOT NULL,
    display_name         VARCHAR(50)  NOT NULL,
    password_hash        VARCHAR(100) NOT NULL,
    role                 VARCHAR(20)  NOT NULL,
    street_id            BIGINT       NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_by           VARCHAR(100) NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    password_changed_at  DATETIME(3)  NOT NULL,
    disabled_at          DATETIME(3)  NULL,
    last_login_at        DATETIME(3)  NULL,
    CONSTRAINT uq_account_username UNIQUE (username),
    CONSTRAINT fk_account_street FOREIGN KEY (street_id) REFERENCES street (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE console_account_community (
    account_id   BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    PRIMARY KEY (account_id, community_id),
    CONSTRAINT fk_cac_account FOREIGN KEY (account_id) REFERENCES console_account (id),
    CONSTRAINT fk_cac_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A roster file as uploaded: checked first (preview), then applied once; done_rows shows progress.
CREATE TABLE roster_import (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    community_id       BIGINT       NOT NULL,
    file_name          VARCHAR(200) NOT NULL,
    stored_as          VARCHAR(200) NOT NULL,
    uploaded_by        VARCHAR(100) NOT NULL,
    uploaded_at        DATETIME(3)  NOT NULL,
    total_rows         INT          NOT NULL,
    error_rows         INT          NOT NULL,
    started_at         DATETIME(3)  NULL,
    done_rows          INT          NOT NULL DEFAULT 0,
    finished_at        DATETIME(3)  NULL,
    created_households INT          NOT NULL DEFAULT 0,
    updated_households INT          NOT NULL DEFAULT 0,
    unchanged_households INT        NOT NULL DEFAULT 0,
    issued_codes       INT          NOT NULL DEFAULT 0,
    failure            VARCHAR(500) NULL,
    CONSTRAINT fk_import_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_import_community ON roster_import (community_id, id);

-- Who a binding code was issued for, from an imported member row: printed beside the code.
CREATE TABLE binding_code_holder (
    binding_code_id BIGINT      NOT NULL PRIMARY KEY,
    household_id    BIGINT      NOT NULL,
    holder_name     VARCHAR(50) NOT NULL,
    CONSTRAINT fk_holder_code FOREIGN KEY (binding_code_id) REFERENCES binding_code (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_holder_household ON binding_code_holder (household_id);
