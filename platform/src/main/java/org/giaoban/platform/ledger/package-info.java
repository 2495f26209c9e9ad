/**
 * The auditors' ledger over a service's event store: a Merkle tree as RFC 9162 section 2.1 defines it, whose leaves
 * are the stored events in the order of their global position, each in the canonical JSON (RFC 8785) of its export
 * form ({@link org.giaoban.platform.ledger.LedgerEvent}); signed tree heads; inclusion and consistency proofs; and the
 * verification that recomputes the stored rows against the signed heads. The pure parts ({@link
 * org.giaoban.platform.ledger.CanonicalJson}, {@link org.giaoban.platform.ledger.MerkleTree}, {@link
 * org.giaoban.platform.ledger.MerkleProofs}, {@link org.giaoban.platform.ledger.TreeHead}) need no store; the export
 * and the verifier of the read side use exactly them, so that what is exported and what is sealed agree.
 */
package org.giaoban.platform.ledger;
