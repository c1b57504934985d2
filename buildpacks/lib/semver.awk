# Picks the highest version satisfying a range, the way npm's semver does for the forms people write in
# engines fields and version files: 20, 20.x, 20.1.x, *, =, >, >=, <, <=, ^, ~, ~>, "A - B" and "||".
# Usage: printf '%s\n' VERSIONS | awk -v range=RANGE -f semver.awk
# Prints the chosen version; exits 1 when none satisfies, 2 when the range cannot be read.
# Pre-release versions (with a "-") are never chosen.

function compare(a1, a2, a3, b1, b2, b3) {
    if (a1 != b1) return a1 < b1 ? -1 : 1
    if (a2 != b2) return a2 < b2 ? -1 : 1
    if (a3 != b3) return a3 < b3 ? -1 : 1
    return 0
}

# Reads "1", "1.2", "1.2.x", "v1.2.3" into P[1..3]; returns how many numeric parts were given, -1 if unreadable.
function partial(text,    count, parts, i, given) {
    sub(/^[vV=]+/, "", text)
    sub(/[+].*$/, "", text)
    P[1] = 0; P[2] = 0; P[3] = 0
    if (text == "" || text ~ /^[xX*]$/) return 0
    if (text ~ /-/) return -1
    count = split(text, parts, ".")
    if (count > 3) return -1
    given = 0
    for (i = 1; i <= count; i++) {
        if (parts[i] ~ /^[0-9]+$/ && given == i - 1) { P[i] = parts[i] + 0; given = i }
        else if (parts[i] !~ /^[xX*]$/) return -1
    }
    return given
}

function add(alt, op, v1, v2, v3) {
    N[alt]++
    OP[alt, N[alt]] = op; V1[alt, N[alt]] = v1; V2[alt, N[alt]] = v2; V3[alt, N[alt]] = v3
}

function comparator(alt, token,    op, given) {
    op = ""
    if (match(token, /^(>=|<=|~>|>|<|=|\^|~)/)) { op = substr(token, 1, RLENGTH); token = substr(token, RLENGTH + 1) }
    given = partial(token)
    if (given < 0) { BAD = 1; return }
    if (op == "" || op == "=") {
        if (given == 3) add(alt, "=", P[1], P[2], P[3])
        else if (given == 1) { add(alt, ">=", P[1], 0, 0); add(alt, "<", P[1] + 1, 0, 0) }
        else if (given == 2) { add(alt, ">=", P[1], P[2], 0); add(alt, "<", P[1], P[2] + 1, 0) }
    } else if (op == "^") {
        if (given == 0) return
        add(alt, ">=", P[1], P[2], P[3])
        if (P[1] > 0 || given == 1) add(alt, "<", P[1] + 1, 0, 0)
        else if (P[2] > 0 || given == 2) add(alt, "<", 0, P[2] + 1, 0)
        else add(alt, "<", 0, 0, P[3] + 1)
    } else if (op == "~" || op == "~>") {
        if (given == 0) return
        add(alt, ">=", P[1], P[2], P[3])
        if (given == 1) add(alt, "<", P[1] + 1, 0, 0)
        else add(alt, "<", P[1], P[2] + 1, 0)
    } else if (op == ">=") {
        add(alt, ">=", P[1], P[2], P[3])
    } else if (op == ">") {
        if (given == 3) add(alt, ">", P[1], P[2], P[3])
        else if (given == 2) add(alt, ">=", P[1], P[2] + 1, 0)
        else if (given == 1) add(alt, ">=", P[1] + 1, 0, 0)
        else add(alt, "<", 0, 0, 0)
    } else if (op == "<") {
        if (given == 0) add(alt, "<", 0, 0, 0)
        else add(alt, "<", P[1], P[2], P[3])
    } else if (op == "<=") {
        if (given == 3) add(alt, "<=", P[1], P[2], P[3])
        else if (given == 2) add(alt, "<", P[1], P[2] + 1, 0)
        else if (given == 1) add(alt, "<", P[1] + 1, 0, 0)
    }
}

function holds(alt, v1, v2, v3,    i, c, op) {
    for (i = 1; i <= N[alt]; i++) {
        c = compare(v1, v2, v3, V1[alt, i], V2[alt, i], V3[alt, i])
        op = OP[alt, i]
        if (op == ">=" && c < 0) return 0
        if (op == ">" && c <= 0) return 0
        if (op == "<" && c >= 0) return 0
        if (op == "<=" && c > 0) return 0
        if (op == "=" && c != 0) return 0
    }
    return 1
}

BEGIN {
    ALTS = split(range, alternatives, /[|][|]/)
    if (ALTS == 0) { ALTS = 1; alternatives[1] = "" }
    for (a = 1; a <= ALTS; a++) {
        text = alternatives[a]
        # "<= 20" reads as "<=20"
        while (match(text, /(>=|<=|~>|>|<|=|\^|~)[ \t]+/)) {
            glued = substr(text, RSTART, RLENGTH)
            gsub(/[ \t]/, "", glued)
            text = substr(text, 1, RSTART - 1) glued substr(text, RSTART + RLENGTH)
        }
        N[a] = 0
        count = split(text, tokens, /[ \t]+/)
        for (t = 1; t <= count; t++) {
            if (tokens[t] == "") continue
            if (tokens[t + 1] == "-" && t + 2 <= count) {
                comparator(a, ">=" tokens[t])
                comparator(a, "<=" tokens[t + 2])
                t += 2
            } else {
                comparator(a, tokens[t])
            }
        }
    }
    if (BAD) exit 2
}

{
    candidate = $0
    gsub(/^[ \t]+|[ \t]+$/, "", candidate)
    sub(/^[vV]/, "", candidate)
    if (candidate !~ /^[0-9]+(\.[0-9]+)?(\.[0-9]+)?$/) next
    count = split(candidate, parts, ".")
    c1 = parts[1] + 0; c2 = (count > 1 ? parts[2] : 0) + 0; c3 = (count > 2 ? parts[3] : 0) + 0
    for (a = 1; a <= ALTS; a++) {
        if (holds(a, c1, c2, c3)) {
            if (best == "" || compare(c1, c2, c3, b1, b2, b3) > 0) { best = candidate; b1 = c1; b2 = c2; b3 = c3 }
            break
        }
    }
}

END {
    if (BAD) exit 2
    if (best == "") exit 1
    print best
}
