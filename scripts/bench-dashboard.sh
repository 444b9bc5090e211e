#!/usr/bin/env bash
# Dashboard benchmark in a real terminal (docs/benchmarks.md): time to the first frame, idle CPU and bytes
# written over 60 s next to `top -d 1` in the same run, and the delay from an event's commit to the screen.
#
# Usage: [COMMAND=wall] scripts/bench-dashboard.sh DATABASE [CODIR]
#   DATABASE  a codir database, e.g. the scale one kept by `.build/release/codir-bench --keep DIR`
#   CODIR     the codir executable (default .build/release/codir)
set -euo pipefail
db=${1:?usage: scripts/bench-dashboard.sh DATABASE [CODIR]}
codir=${2:-.build/release/codir}
idle=${IDLE_SECONDS:-60}
work=$(mktemp -d)
trap 'tmux kill-session -t bench-dash 2>/dev/null; tmux kill-session -t bench-top 2>/dev/null; rm -rf "$work"' EXIT

now() { date +%s.%N; }
# wait_for SESSION TEXT: polls the screen every 10 ms, for 30 s at most.
wait_for() {
    local deadline=$(( $(date +%s) + 30 ))
    until tmux capture-pane -p -t "$1" | grep -qF "$2"; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for '$2'" >&2; exit 1; }
        sleep 0.01
    done
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# 1. Start to first frame: until the leaderboard's first rank shows.
start=$(now)
tmux new-session -d -s bench-dash -x 200 -y 60 "TERM=xterm-256color LANG=C.UTF-8 '$codir' --db '$db' ${COMMAND:-dash}"
wait_for bench-dash 'Daily impressions'
first=$(echo "$(now) - $start" | bc -l)
printf 'start to first frame (200x60): %.0f ms\n' "$(echo "$first * 1000" | bc -l)"

# 2. Idle: no data change for $idle s; CPU from /proc, bytes from pipe-pane; top -d 1 alongside.
tmux new-session -d -s bench-top -x 200 -y 60 "TERM=xterm-256color top -d 1"
sleep 2
dash_pid=$(tmux list-panes -t bench-dash -F '#{pane_pid}')
top_pid=$(tmux list-panes -t bench-top -F '#{pane_pid}')
tmux pipe-pane -t bench-dash -o "cat > '$work/dash.out'"
tmux pipe-pane -t bench-top -o "cat > '$work/top.out'"
dash_before=$(cpu_ticks "$dash_pid"); top_before=$(cpu_ticks "$top_pid")
sleep "$idle"
dash_after=$(cpu_ticks "$dash_pid"); top_after=$(cpu_ticks "$top_pid")
tmux pipe-pane -t bench-dash; tmux pipe-pane -t bench-top
hz=$(getconf CLK_TCK)
for name in dash top; do
    before=${name}_before; after=${name}_after
    ticks=$(( ${!after} - ${!before} ))
    bytes=$(stat -c %s "$work/$name.out")
    printf 'idle %s over %ss: %.2f %% of a core, %.1f bytes/s\n' "$([ $name = dash ] && echo "codir ${COMMAND:-dash}" || echo "top -d 1")" "$idle" \
        "$(echo "$ticks * 100 / $hz / $idle" | bc -l)" "$(echo "$bytes / $idle" | bc -l)"
done

# 3. Commit to screen: a new leader, whose name sorts first, imported while the dashboard runs.
tmux kill-session -t bench-top
tmux send-keys -t bench-dash q
name="Aaa Bench $RANDOM"
printf 'id,name,department,role\nbench-%s,%s,Department 0,leader\n' "$RANDOM" "$name" > "$work/new.csv"
tmux new-session -d -s bench-dash2 -x 200 -y 60 "TERM=xterm-256color LANG=C.UTF-8 '$codir' --db '$db' dash"
wait_for bench-dash2 'Daily impressions'
tmux send-keys -t bench-dash2 s s s s s s
wait_for bench-dash2 'sorted by name'
"$codir" --db "$db" import "$work/new.csv" > /dev/null
committed=$(now)
wait_for bench-dash2 "$name"
printf 'commit to screen: %.0f ms\n' "$(echo "($(now) - $committed) * 1000" | bc -l)"
tmux kill-session -t bench-dash2
