-- The auditors' ledger over domain_event_entry (org.giaoban.platform.ledger): an RFC 9162 Merkle tree, its signed
-- heads and the public keys that sign them. The private key is never here.

-- The hash of every complete subtree: the 2^level leaves from node_index * 2^level on. Level 0 is a leaf, with the
-- global_index of the event it seals (leaf indexes are dense, global indexes may have gaps). Any root or proof of a
-- tree of n leaves is a fold of O(log n) of these rows.
CREATE TABLE ledger_node (
    level        INTEGER  NOT NULL,
    node_index   BIGINT   NOT NULL,
    hash         BINARY(32) NOT NULL,
    global_index BIGINT,
    PRIMARY KEY (level, node_index)
);
CREATE UNIQUE INDEX ledger_node_global_index ON ledger_node (global_index);

-- Signed tree heads: the tree had tree_size leaves with root_hash at signed_at, signed by key_id. Hex as exported;
-- signed_at is the ISO-8601 instant exactly as signed (fixed to milliseconds, so the text sorts as the time does).
CREATE TABLE ledger_tree_head (
    tree_size     BIGINT       PRIMARY KEY,
    service       VARCHAR(50)  NOT NULL,
    root_hash     CHAR(64)     NOT NULL,
    signed_at     VARCHAR(30)  NOT NULL,
    key_id        CHAR(16)     NOT NULL,
    signature     CHAR(128)    NOT NULL,
    last_position BIGINT
);
CREATE INDEX ledger_tree_head_signed_at ON ledger_tree_head (signed_at);

-- The public keys that sign tree heads, each valid from its first use until the next key replaced it.
CREATE TABLE ledger_signing_key (
    key_id     CHAR(16)     PRIMARY KEY,
    algorithm  VARCHAR(20)  NOT NULL,
    public_key VARCHAR(500) NOT NULL,
    valid_from VARCHAR(30)  NOT NULL,
    valid_to   VARCHAR(30)
);

-- One row that the instance sealing the tree holds locked while it extends it: one sealer at a time.
CREATE TABLE ledger_seal_lock (
    lock_id INTEGER PRIMARY KEY
);
INSERT INTO ledger_seal_lock (lock_id) VALUES (1);
