#!/usr/bin/env bash
# Live viewers under a live feed (issue 11, docs/benchmarks.md): the CPU each viewer takes over SECONDS (default
# 60) while `codir simulate --rate 5` writes into the database, its resident memory, the bytes it writes to its
# terminal when nothing is written, and the delay from an import's commit to the screen.
#
# Usage: scripts/bench-live.sh DATABASE [CODIR] [SCENARIO…]   (needs tmux and the sqlite3 shell)
#   DATABASE  a codir database, e.g. the one kept by `.build/release/codir-bench --end $(date -u +%F) --keep DIR`
#             (a year of data up to today, so that every window is full); it is copied, never written
#   CODIR     the codir executable (default .build/release/codir)
#   SCENARIO  any of: first dash365 dash30 ten idle commit (default: all)
set -euo pipefail
source_db=${1:?usage: scripts/bench-live.sh DATABASE [CODIR] [SCENARIO…]}
codir=$(realpath "${2:-.build/release/codir}")
shift $(( $# >= 2 ? 2 : 1 ))
scenarios=${*:-first dash365 dash30 ten idle commit}
seconds=${SECONDS_MEASURED:-60}
warmup=${WARMUP_SECONDS:-15}
work=$(mktemp -d)
server=bench-live-$$
tm() { tmux -L "$server" "$@"; }
cleanup() {
    [ -n "${feed:-}" ] && kill "$feed" 2>/dev/null || true
    tm kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
hz=$(getconf CLK_TCK)
db="$work/codir.sqlite"
cp "$source_db" "$db"
# Brings the copy's schema up to this codir's (a viewer never migrates).
"$codir" --db "$db" simulate --rate 1 --duration 1 > /dev/null

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
peak_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
wait_for() {  # wait_for SESSION TEXT
    local deadline=$(( $(date +%s) + 60 ))
    until tm capture-pane -p -t "$1" | grep -qF "$2"; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for '$2' in $1" >&2; tm capture-pane -p -t "$1" >&2; exit 1; }
        sleep 0.01
    done
}
# start NAME ARGS…: a viewer in a 200x60 terminal; prints nothing, leaves its pid in pids[NAME].
declare -A pids
start() {
    local name=$1; shift
    tm new-session -d -s "$name" -x 200 -y 60 "exec env TERM=xterm-256color LANG=C.UTF-8 '$codir' --db '$db' $*"
    pids[$name]=$(tm list-panes -t "$name" -F '#{pane_pid}')
}
feed_on() { "$codir" --db "$db" simulate --rate 5 > "$work/feed.log" 2>&1 & feed=$!; }
feed_off() { kill "$feed"; wait "$feed" 2>/dev/null || true; feed=; }
# measure NAME…: CPU of each viewer over $seconds, then its memory.
measure() {
    local name before=() total=0
    for name in "$@"; do before+=("$(cpu_ticks "${pids[$name]}")"); done
    sleep "$seconds"
    local i=0
    for name in "$@"; do
        local ticks=$(( $(cpu_ticks "${pids[$name]}") - before[i] ))
        total=$(( total + ticks ))
        printf '  %-28s %6.2f %% of a core   RSS %4d MB (peak %4d MB)\n' "$name" \
            "$(echo "$ticks * 100 / $hz / $seconds" | bc -l)" $(( $(rss_kib "${pids[$name]}") / 1024 )) $(( $(peak_kib "${pids[$name]}") / 1024 ))
        i=$(( i + 1 ))
    done
    [ $# -gt 1 ] && printf '  %-28s %6.2f %% of a core\n' "together" "$(echo "$total * 100 / $hz / $seconds" | bc -l)"
    return 0
}
stop_all() { tm kill-server 2>/dev/null || true; sleep 0.5; }

for scenario in $scenarios; do
    case $scenario in
    first)
        # A cold viewer: its first frame (with a loading mark when the data takes time), then the figures.
        for window in 365d 30d; do
            for n in 1 2 3; do
                started=$(date +%s.%N)
                start "first-$window" dash --window "$window"
                wait_for "first-$window" 'codir'
                frame=$(date +%s.%N)
                wait_for "first-$window" 'Daily impressions'
                printf '  cold dash --window %s: first frame %4.0f ms, the figures %4.0f ms\n' "$window" \
                    "$(echo "($frame - $started) * 1000" | bc -l)" "$(echo "($(date +%s.%N) - $started) * 1000" | bc -l)"
                stop_all
            done
        done
        ;;
    dash365 | dash30)
        window=${scenario#dash}d
        echo "one codir dash --window $window, simulate --rate 5 writing, over ${seconds}s after ${warmup}s:"
        feed_on
        start "dash-$window" dash --window "$window"
        wait_for "dash-$window" 'Daily impressions'
        sleep "$warmup"
        measure "dash-$window"
        feed_off; stop_all
        ;;
    ten)
        echo "ten viewers at once, simulate --rate 5 writing, over ${seconds}s after ${warmup}s:"
        feed_on
        start dash-365d dash --window 365d
        start dash-30d dash --window 30d
        start dash-90d dash --window 90d
        start wall-30d wall
        start wall-7d wall --window 7d
        start me-u0-30d me --as u0
        start me-u1-365d me --as u1 --window 365d
        start me-u2-7d me --as u2 --window 7d
        start me-u3-90d me --as u3 --window 90d
        start me-u500-30d me --as u500
        # Ten cold builds share two cores: twice the warm-up, so that none is still building when measured.
        sleep $(( warmup * 2 ))
        measure dash-365d dash-30d dash-90d wall-30d wall-7d me-u0-30d me-u1-365d me-u2-7d me-u3-90d me-u500-30d
        feed_off; stop_all
        ;;
    idle)
        for window in 365d 30d; do
            echo "one codir dash --window $window, nothing written, over ${seconds}s after ${warmup}s:"
            start "idle-$window" dash --window "$window"
            wait_for "idle-$window" 'Daily impressions'
            sleep "$warmup"
            tm pipe-pane -t "idle-$window" -o "cat > '$work/idle.out'"
            measure "idle-$window"
            tm pipe-pane -t "idle-$window"
            printf '  %-28s %6.1f bytes/s to the terminal\n' "idle-$window" "$(echo "$(stat -c %s "$work/idle.out") / $seconds" | bc -l)"
            stop_all
        done
        ;;
    commit)
        # Interactions between people who never interacted: the count of ties changes on screen. Three new ties
        # at once: the window slides at each load, and a tie leaving it at its start can cancel one new tie
        # (seen: a single new tie left the count unchanged in about one import of twenty at 30 d); three
        # cancelled at once in a second or two is not to be expected.
        base=8000
        for window in 365d 30d; do
            base=$(( base + 500 ))
            start "commit-$window" dash --window "$window"
            wait_for "commit-$window" 'Daily impressions'
            sleep "$warmup"
            for n in 1 2 3 4 5; do
                before=$(tm capture-pane -p -t "commit-$window" | grep -o 'ties: [0-9,]* across · [0-9,]* within')
                printf 'type,id,actor,target,at\n' > "$work/event.csv"
                actor=$(( base + n )); target=$(( base + 250 + n * 7 ))
                for k in 1 2 3; do
                    # A pair that never interacted (the sqlite3 shell checks), so that its tie is new.
                    target=$(( target + 1 ))
                    while [ "$(sqlite3 "$db" "SELECT count(*) FROM interactions i JOIN people a ON a.id = i.actor JOIN people b ON b.id = i.target WHERE a.key = 'u$actor' AND b.key = 'u$target'")" != 0 ]; do
                        target=$(( target + 1 ))
                    done
                    printf 'message,bench-commit-%s-%s-%s,u%s,u%s,%s\n' "$window" "$n" "$k" "$actor" "$target" \
                        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$work/event.csv"
                done
                "$codir" --db "$db" import "$work/event.csv" > "$work/import.log" 2>&1 || { cat "$work/import.log" >&2; exit 1; }
                committed=$(date +%s.%N)
                deadline=$(( $(date +%s) + 30 ))
                while tm capture-pane -p -t "commit-$window" | grep -qF "$before"; do
                    [ "$(date +%s)" -lt "$deadline" ] || { echo "the new ties never showed (still: $before; from u$actor)" >&2; cat "$work/import.log" >&2; tm capture-pane -p -t "commit-$window" | head -3 >&2; exit 1; }
                    sleep 0.01
                done
                printf '  commit to screen, dash --window %s, an appended event: %4.0f ms\n' "$window" \
                    "$(echo "($(date +%s.%N) - $committed) * 1000" | bc -l)"
                sleep 1.5
            done
            stop_all
        done
        ;;
    *) echo "unknown scenario '$scenario'" >&2; exit 2 ;;
    esac
done
