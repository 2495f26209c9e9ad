#!/usr/bin/env python3
"""A second verifier of a giaoban ledger export, written from docs/AUDIT.md alone, with Python's standard library.

usage: python3 verify_export.py DIR [KEYS.json]

DIR holds events.ndjson, tree-heads.json and keys.json as `bin/giaoban audit export` writes them. KEYS.json, when
given, is the auditor's own copy of the public keys, used in place of the export's. Prints the result as JSON; exits
0 when the export verifies, 1 when it does not.
"""

import base64
import decimal
import hashlib
import json
import sys

# --- RFC 8785 (JCS) canonical JSON ------------------------------------------------------------------------------

LARGEST_EXACT_INTEGER = 2**53


def jcs(value):
    """The canonical JSON text of a value parsed by json.loads."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value) if abs(value) <= LARGEST_EXACT_INTEGER else es_number(float(value))
    if isinstance(value, float):
        return es_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        # Member names in the order of their UTF-16 code units.
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(name, ensure_ascii=False) + ":" + jcs(value[name]) for name in names) + "}"
    raise ValueError("no JSON form for %r" % (value,))


def es_number(x):
    """A double as ECMAScript's Number.prototype.toString prints it (ECMA-262 Number::toString)."""
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("JSON has no NaN or infinity")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + es_number(-x)
    # repr gives the shortest digits that read back as x, as ECMAScript asks.
    sign, digits, exponent = decimal.Decimal(repr(x)).as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exponent += 1
    while len(digits) > 1 and digits[0] == 0:
        digits.pop(0)
    s = "".join(str(d) for d in digits)
    k = len(s)
    n = k + exponent
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + s
    e = n - 1
    mantissa = s if k == 1 else s[0] + "." + s[1:]
    return mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))


# --- RFC 9162 Merkle tree, kept as its right edge ---------------------------------------------------------------

def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


class Frontier:
    def __init__(self):
        self.size = 0
        self.edge = []  # hashes of the complete subtrees of the right edge, largest first

    def append(self, h):
        index = self.size
        while index & 1:
            h = node_hash(self.edge.pop(), h)
            index >>= 1
        self.edge.append(h)
        self.size += 1

    def root(self):
        if not self.edge:
            return hashlib.sha256(b"").digest()
        r = self.edge[-1]
        for h in reversed(self.edge[:-1]):
            r = node_hash(h, r)
        return r


# --- Ed25519 verification (RFC 8032, section 6) ------------------------------------------------------------------

P = 2**255 - 19
Q = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    A = (a[1] - a[0]) * (b[1] - b[0]) % P
    B = (a[1] + a[0]) * (b[1] + b[0]) % P
    C = 2 * a[3] * b[3] * D % P
    Dd = 2 * a[2] * b[2] % P
    E, F, G, H = B - A, Dd - C, Dd + C, B + A
    return (E * F % P, G * H % P, F * G % P, E * H % P)


def _mul(s, point):
    result = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            result = _add(result, point)
        point = _add(point, point)
        s >>= 1
    return result


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 % P == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0)
BASE = (_GX, _GY, 1, _GX * _GY % P)


def _decompress(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % Q
    return _equal(_mul(s, BASE), _add(r, _mul(h, a)))


SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def public_key_of(pem):
    body = "".join(line for line in pem.strip().splitlines() if not line.startswith("-----"))
    der = base64.b64decode(body)
    if len(der) != 44 or not der.startswith(SPKI_PREFIX):
        raise ValueError("not an Ed25519 public key")
    return der[12:]


# --- The verification of docs/AUDIT.md -------------------------------------------------------------------------

def instant(text):
    """ISO-8601 UTC text with three decimals, comparable as text: 2026-11-29T08:19:33.120Z."""
    text = text.rstrip("Z")
    if "." in text:
        seconds, fraction = text.split(".")
    else:
        seconds, fraction = text, ""
    return seconds + "." + (fraction + "000")[:3] + "Z"


def signed_text(head):
    return ("giaoban-tree-head/v1\n%s\n%d\n%s\n%s" % (
        head["service"], head["treeSize"], head["rootHash"], head["timestamp"])).encode("utf-8")


def head_is_signed(head, keys):
    at = instant(head["timestamp"])
    for key in keys:
        if key["keyId"] != head["keyId"]:
            continue
        if instant(key["validFrom"]) > at or (key.get("validTo") and at > instant(key["validTo"])):
            continue
        try:
            if ed25519_verify(public_key_of(key["publicKey"]), signed_text(head), bytes.fromhex(head["signature"])):
                return True
        except ValueError:
            pass
    return False


def mismatch(line, position, leaf_index, reason, expected, found):
    return {"verified": False, "firstMismatch": {"line": line, "position": position, "leafIndex": leaf_index,
                                                 "reason": reason, "expected": expected, "found": found}}


def verify(directory, keys_file=None):
    with open(keys_file or directory + "/keys.json", encoding="utf-8") as f:
        keys = json.load(f)
    with open(directory + "/tree-heads.json", encoding="utf-8") as f:
        heads = sorted(json.load(f), key=lambda head: head["treeSize"])
    for head in heads:
        if not head_is_signed(head, keys):
            return mismatch(None, None, head["treeSize"], "signature-invalid", None, head["signature"])
    tree = Frontier()
    next_head = 0
    while next_head < len(heads) and heads[next_head]["treeSize"] == 0:
        next_head += 1
    last_position = None
    number = 0
    with open(directory + "/events.ndjson", encoding="utf-8") as lines:
        for text in lines:
            number += 1
            line = json.loads(text)
            if line.get("leafIndex") is None:
                continue
            position, leaf_index = line["position"], line["leafIndex"]
            if leaf_index != tree.size:
                return mismatch(number, position, tree.size, "deleted" if leaf_index > tree.size else "inserted",
                                str(tree.size), str(leaf_index))
            if last_position is not None and position <= last_position:
                return mismatch(number, position, leaf_index, "reordered", "> %d" % last_position, str(position))
            last_position = position
            stated = line.pop("leafHash", None)
            found = leaf_hash(jcs(line).encode("utf-8"))
            if stated != found.hex():
                return mismatch(number, position, leaf_index, "edited", stated, found.hex())
            tree.append(found)
            while next_head < len(heads) and heads[next_head]["treeSize"] == tree.size:
                head = heads[next_head]
                next_head += 1
                if tree.root().hex() != head["rootHash"]:
                    return mismatch(number, position, leaf_index, "tree-head-mismatch", head["rootHash"],
                                    tree.root().hex())
    if next_head < len(heads):
        return mismatch(number + 1, None, tree.size, "tail-cut", str(heads[next_head]["treeSize"]), str(tree.size))
    return {"verified": True, "events": tree.size, "treeHead": heads[-1] if heads else None}


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    result = verify(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    sys.exit(0 if result["verified"] else 1)
