#!/usr/bin/env bash
# Bring up the course hub on one Debian machine, in one step (run as root; `make hub` calls it).
#
#   sudo deploy/hub/install.sh                      install (or update) and start the hub
#   sudo deploy/hub/install.sh --env-only           only the shared environment (tests, image)
#   sudo deploy/hub/install.sh --instructor NAME    also create instructor NAME's course folder
#   deploy/hub/install.sh --image                   the environment alone, for the k8s image
#
# What it does, each step idempotent:
#  1. Debian packages the hub needs (python3-venv, nodejs + npm, bubblewrap), if missing.
#  2. The groups innolead-instructors and innolead-participants.
#  3. One shared environment in $PREFIX/venv (Debian's Python, readable by every user): the
#     pinned hub requirements and the course toolkit installed as a package from this checkout.
#  4. configurable-http-proxy from npm (pinned by package-lock.json) in $PREFIX/proxy.
#  5. Jupyter configuration: nbgrader's exchange for the course; formgrader and assignment
#     creation switched off for everyone and switched on for instructors only.
#  6. The exchange /srv/nbgrader/exchange (0777, as nbgrader requires) with the course's folder
#     owned by the instructor, so no participant can claim it first.
#  7. The hub's configuration and state, then the hub itself: a systemd unit where systemd runs,
#     otherwise a background process (logs in /var/log/innolead-hub.log).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PREFIX="${INNOLEAD_HUB_PREFIX:-/opt/innolead-hub}"
ETC="${INNOLEAD_HUB_ETC:-/etc/innolead-hub}"
STATE="${INNOLEAD_HUB_STATE:-/var/lib/innolead-hub}"
EXCHANGE="${INNOLEAD_EXCHANGE:-/srv/nbgrader/exchange}"
COURSE_ID="innolead"
INSTRUCTORS_GROUP="innolead-instructors"
PARTICIPANTS_GROUP="innolead-participants"
ENV_ONLY=0
NO_PROXY=0
INSTRUCTOR=""

while [ $# -gt 0 ]; do
  case "$1" in
    --env-only) ENV_ONLY=1 ;;
    --image) ENV_ONLY=1; NO_PROXY=1 ;;  # the Kubernetes singleuser image (deploy/k8s/Dockerfile)
    --instructor) INSTRUCTOR="$2"; shift ;;
    --prefix) PREFIX="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '[innolead-hub] %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "The hub creates groups, a system-wide environment and spawns servers as each user:" \
       "run this as root (sudo $0)." >&2
  exit 1
fi

# One install at a time (the tests, the benchmark and an administrator may start it together).
mkdir -p "$(dirname "$PREFIX")"
exec 9>"$PREFIX.lock"
flock 9

# --- 1. Debian packages ------------------------------------------------------------------------
need=()
[ -x /usr/bin/python3 ] || need+=(python3)
/usr/bin/python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
if [ "$NO_PROXY" -eq 0 ]; then
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v npm >/dev/null 2>&1 || need+=(npm)
fi
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v prlimit >/dev/null 2>&1 || need+=(util-linux)
if [ "${#need[@]}" -gt 0 ]; then
  say "installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# --- 2. Groups ---------------------------------------------------------------------------------
for group in "$INSTRUCTORS_GROUP" "$PARTICIPANTS_GROUP"; do
  getent group "$group" >/dev/null || groupadd --system "$group"
done

# --- 3. The shared environment -----------------------------------------------------------------
umask 022
mkdir -p "$PREFIX"
chmod 755 "$PREFIX"
VENV="$PREFIX/venv"
stamp="$VENV/.requirements.sha256"
want="$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "creating the shared environment $VENV (pinned: deploy/hub/requirements.txt)"
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -r "$HERE/requirements.txt"
  echo "$want" > "$stamp"
fi
# The toolkit as a package (built from this checkout into a wheel, not an editable checkout):
# participants' kernels and the instructor's grading import it from the environment.
toolkit_sha="$(cd "$REPO" && find innolead $([ -d cases ] && echo cases) pyproject.toml -type f -not -path '*__pycache__*' -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$VENV/.toolkit" 2>/dev/null)" != "$toolkit_sha" ]; then
  say "installing the course toolkit from $REPO"
  build="$(mktemp -d)"
  # Copy the sources so the build never writes into the checkout (build/, *.egg-info).
  sources=(pyproject.toml README.md innolead)
  [ -d "$REPO/cases" ] && sources+=(cases)
  tar -C "$REPO" --exclude='__pycache__' -cf - "${sources[@]}" | tar -C "$build" -xf -
  "$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall "$build"
  rm -rf "$build"
  echo "$toolkit_sha" > "$VENV/.toolkit"
fi
# The installed toolkit must load its case data by itself (from the package, not a checkout).
rm -rf "$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/cases"
(cd / && "$VENV/bin/python" -I -c "from innolead.cases import load; load('barometer')") || {
  echo "The installed toolkit cannot load its case data; see the error above." >&2
  exit 1
}
chmod -R a+rX "$VENV"

# --- 4. configurable-http-proxy ----------------------------------------------------------------
PROXY="$PREFIX/proxy"
mkdir -p "$PROXY"
if [ "$NO_PROXY" -eq 1 ]; then
  : # the image runs single-user servers only; the chart brings its own proxy
elif ! cmp -s "$HERE/package-lock.json" "$PROXY/package-lock.json" \
   || [ ! -x "$PROXY/node_modules/.bin/configurable-http-proxy" ]; then
  say "installing configurable-http-proxy (npm, pinned)"
  cp "$HERE/package.json" "$HERE/package-lock.json" "$PROXY/"
  (cd "$PROXY" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
fi
chmod -R a+rX "$PROXY"

# --- 5. Jupyter configuration --------------------------------------------------------------------
# Everyone: the exchange and the course id; formgrader, course list and assignment creation off.
# Instructors (the hub puts $PREFIX/instructor-config first on their JUPYTER_CONFIG_PATH): on.
install -d -m 755 "$VENV/etc/jupyter/jupyter_server_config.d" "$VENV/etc/jupyter/labconfig"
install -m 644 "$HERE/jupyter/nbgrader_config.py" "$VENV/etc/jupyter/nbgrader_config.py"
install -m 644 "$HERE/jupyter/everyone-server.json" \
  "$VENV/etc/jupyter/jupyter_server_config.d/zz-innolead-hub.json"
install -m 644 "$HERE/jupyter/everyone-page_config.json" "$VENV/etc/jupyter/labconfig/page_config.json"
install -d -m 755 "$PREFIX/instructor-config/jupyter_server_config.d" "$PREFIX/instructor-config/labconfig"
install -m 644 "$HERE/jupyter/instructor_nbgrader_config.py" "$PREFIX/instructor-config/nbgrader_config.py"
install -m 644 "$HERE/jupyter/instructor-server.json" \
  "$PREFIX/instructor-config/jupyter_server_config.d/zz-innolead-instructor.json"
install -m 644 "$HERE/jupyter/instructor-page_config.json" "$PREFIX/instructor-config/labconfig/page_config.json"
install -d -m 755 "$PREFIX/etc"
install -m 644 "$HERE/jupyterhub_config.py" "$PREFIX/etc/jupyterhub_config.py"
install -m 644 "$HERE/hubtools.py" "$PREFIX/etc/hubtools.py"
install -d -m 755 "$PREFIX/course"
# The course as the instructor starts it: nbgrader_config.py and source/ (no generated folders).
rm -rf "$PREFIX/course/template"
mkdir -p "$PREFIX/course/template"
cp -r "$REPO/exercises/nbgrader_config.py" "$REPO/exercises/source" "$PREFIX/course/template/"
chmod -R a+rX,go-w "$PREFIX/course"
say "shared environment ready: $VENV"

if [ "$ENV_ONLY" -eq 1 ]; then
  exit 0
fi

# --- 6. The exchange -----------------------------------------------------------------------------
install -d -m 755 "$(dirname "$EXCHANGE")"
install -d -m 777 "$EXCHANGE"
chmod 777 "$EXCHANGE"  # nbgrader's release checks for exactly 0777 (no sticky bit)
if [ -n "$INSTRUCTOR" ]; then
  "$VENV/bin/python" "$HERE/hubtools.py" --setup-instructor "$INSTRUCTOR" \
    --exchange "$EXCHANGE" --prefix "$PREFIX"
fi

# --- 7. The hub ----------------------------------------------------------------------------------
install -d -m 755 "$ETC"
if [ ! -f "$ETC/local_config.py" ]; then
  install -m 600 "$HERE/local_config.example.py" "$ETC/local_config.py"
  say "wrote $ETC/local_config.py: choose the authenticator (Entra ID or NativeAuthenticator) there"
fi
install -d -m 700 "$STATE"
hub=("$VENV/bin/jupyterhub" -f "$PREFIX/etc/jupyterhub_config.py")
export INNOLEAD_HUB_PREFIX="$PREFIX" INNOLEAD_HUB_ETC="$ETC" INNOLEAD_HUB_STATE="$STATE" \
  INNOLEAD_EXCHANGE="$EXCHANGE"
if [ "$(ps -p 1 -o comm= 2>/dev/null)" = "systemd" ]; then
  cat > /etc/systemd/system/innolead-hub.service <<UNIT
[Unit]
Description=Innovation Leadership course hub (JupyterHub)
After=network-online.target

[Service]
User=root
WorkingDirectory=$STATE
Environment=INNOLEAD_HUB_PREFIX=$PREFIX INNOLEAD_HUB_ETC=$ETC INNOLEAD_HUB_STATE=$STATE INNOLEAD_EXCHANGE=$EXCHANGE INNOLEAD_SPAWNER=systemd
ExecStart=${hub[*]}
Restart=on-failure

[Install]
WantedBy=multi-user.target
UNIT
  systemctl daemon-reload
  systemctl enable --now innolead-hub
  systemctl restart innolead-hub
  say "the hub runs as the systemd unit innolead-hub (journalctl -u innolead-hub)"
else
  pidfile="$STATE/jupyterhub.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    sleep 2
  fi
  cd "$STATE"
  # Its own session, no inherited terminal, pipe or install lock (fd 9).
  setsid nohup "${hub[@]}" </dev/null >>/var/log/innolead-hub.log 2>&1 9>&- &
  echo $! > "$pidfile"
  cd - >/dev/null
  say "no systemd here: the hub runs in the background (pid $(cat "$pidfile"), log /var/log/innolead-hub.log)"
fi
port="$("$VENV/bin/python" -c "import os; print(os.environ.get('INNOLEAD_HUB_PORT', '8000'))")"
for _ in $(seq 60); do
  if "$VENV/bin/python" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/hub/health', timeout=2)" 2>/dev/null; then
    say "the hub is up: http://$(hostname -f 2>/dev/null || hostname):$port/ (put HTTPS in front of it)"
    exit 0
  fi
  sleep 1
done
echo "The hub did not answer on port $port within 60 s; see /var/log/innolead-hub.log." >&2
exit 1
