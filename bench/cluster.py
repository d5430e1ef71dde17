"""Helpers of bench/cluster.sh: HAProxy's server states over its runtime API, and the reading of its
request log (the log-format of deploy/haproxy.cfg).
  python3 cluster.py wait SOCKET SERVER UP|DOWN TIMEOUT_S SINCE_MS   ms from SINCE_MS until HAProxy says so, -1 if never
  python3 cluster.py pairs PAIRS                                      "N student course" for each "token course" line
  python3 cluster.py analyse LOG EVENTS                               counts, as key=value lines
EVENTS is a file of "name epoch_ms" lines: kill_a, down_a, up_a, term_b, down_b, up_b, end."""
import base64
import datetime
import json
import re
import socket
import sys
import time

LINE = re.compile(r'^(\S+) \[([^\]]+)\] \S+ (\S+)/(\S+) (-?\d+)/(-?\d+)/(-?\d+)/(-?\d+)/\+?(-?\d+) (-?\d+) \+?\d+ (\S{4}) '
                  r'\S+ "([^"]*)" id=(\S*)$')


def status(sock_path, server):
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(sock_path)
        s.sendall(b"show stat\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    lines = data.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        if row.get("pxname") == "edutrack" and row.get("svname") == server:
            return row["status"]
    return "?"


def wait(sock_path, server, state, timeout_s, since_ms):
    deadline = time.time() + float(timeout_s)
    while time.time() < deadline:
        now = status(sock_path, server)
        # "DOWN 1/2" is still down while rising; "UP 1/2" is still up while failing.
        if now.split(" ")[0] == state:
            print(int(time.time() * 1000) - int(since_ms))
            return
        time.sleep(0.02)
    print(-1)


def pairs(path):
    for n, line in enumerate(open(path), start=1):
        token, course = line.split()
        payload = token.split(".")[1]
        student = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]
        print(n, student, course)


def epoch_ms(accepted):
    # HAProxy's %tr: 02/Dec/2026:09:10:00.123, in the machine's local time.
    when = datetime.datetime.strptime(accepted, "%d/%b/%Y:%H:%M:%S.%f").astimezone()
    return int(when.timestamp() * 1000)


def analyse(log_path, events_path):
    events = {name: int(ms) for name, ms in (line.split() for line in open(events_path) if line.strip())}
    slack = 250  # ms: the log's and the script's clocks read at slightly different moments
    counts = {"requests": 0, "failed_in_flight": 0, "other_failures": 0, "answers_5xx_live": 0,
              "routed_to_down": 0, "buys_201": 0, "client_aborts_at_end": 0,
              "dropped_at_kill": 0, "dropped_elsewhen": 0}
    # Each client connection (wrk's): when its last logged request ended, and whether that one failed.
    connections = {}
    created = []
    for line in open(log_path, errors="replace"):
        m = LINE.match(line.strip())
        if not m:
            continue
        client, accepted, backend, server, _, _, _, _, total, code, flags, request, request_id = m.groups()
        start = epoch_ms(accepted)
        end = start + max(int(total), 0)
        code = int(code)
        counts["requests"] += 1
        connections[client] = (end, False)
        if flags[0] == "C" and end >= events["end"] - slack:
            counts["client_aborts_at_end"] += 1  # wrk stopping: its open requests are dropped
            continue
        answered_by_server = flags[:2] == "--"
        if answered_by_server and code >= 500:
            counts["answers_5xx_live"] += 1
        elif not answered_by_server or code >= 500 or code < 0:
            # Failed in flight: sent to the SIGKILLed instance before the kill, cut short by it.
            if server == "a" and flags[0] == "S" and start <= events["kill_a"] + slack and end >= events["kill_a"] - slack:
                counts["failed_in_flight"] += 1
            else:
                counts["other_failures"] += 1
                print("failure: " + line.strip(), file=sys.stderr)
            connections[client] = (end, True)
        for name in ("a", "b"):
            down, up = events.get("down_" + name), events.get("up_" + name)
            if server == name and down and up and down + slack < start < up - slack:
                counts["routed_to_down"] += 1
                print("routed to a down instance: " + line.strip(), file=sys.stderr)
        if code == 201 and request.startswith("POST /api/courses/purchases/buy/") and request_id.startswith("buy-"):
            counts["buys_201"] += 1
            created.append(request_id[len("buy-"):])
    # A connection that stops before wrk does, its last request answered, was closed under wrk: the
    # request it had sent next got no answer and is in no log line (wrk counts a read error). Those
    # closed around the kill (from the longest a request waits, wrk's 10 s, before it, to the reroute
    # budget after it) were in flight through the proxy when the instance died.
    for client, (last_end, failed) in connections.items():
        if failed or last_end >= events["end"] - 1000:
            continue
        if events["kill_a"] - 10000 <= last_end <= events["kill_a"] + 3000:
            counts["dropped_at_kill"] += 1
        else:
            counts["dropped_elsewhen"] += 1
            print(f"connection {client} closed under wrk after {last_end}", file=sys.stderr)
    for key, value in counts.items():
        print(f"{key}={value}")
    with open(log_path + ".created", "w") as out:
        out.write("\n".join(created) + ("\n" if created else ""))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"wait": wait, "pairs": pairs, "analyse": analyse}[command](*args)
