#!/usr/bin/env bash
# Sets up everything Merchbench needs on Debian 12, builds it, and then runs the app or the tests.
#   bash packaging/setup.sh run    # install what is missing, build, open the demo store in the app
#   bash packaging/setup.sh test   # install what is missing, build, run every test
#   bash packaging/setup.sh build  # install what is missing and build (Release, into ./build)
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:-build}
build_dir=${MB_BUILD_DIR:-build}

packages=(build-essential cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev libxkbcommon-dev zlib1g-dev
          libsqlite3-dev sqlite3 libeigen3-dev libxlsxwriter-dev qt6-svg-dev
          fonts-dejavu-core xvfb xauth ccache)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

case "$action" in
  build) ;;
  test)
    ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
    ;;
  run)
    demo="$build_dir/demo.merchbench"
    [ -f "$demo" ] || "$build_dir/app/cli/merchbench-cli" --workspace "$demo" demo --seed 42
    if [ -x "$build_dir/app/gui/merchbench" ]; then
      if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: starting the app under a virtual X server (xvfb-run)."
        exec xvfb-run -a "$build_dir/app/gui/merchbench" --workspace "$demo"
      fi
      exec "$build_dir/app/gui/merchbench" --workspace "$demo"
    fi
    exec "$build_dir/app/cli/merchbench-cli" --workspace "$demo" info
    ;;
  *) echo "usage: $0 run|test|build" >&2; exit 1 ;;
esac
