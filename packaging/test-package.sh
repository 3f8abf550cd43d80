#!/usr/bin/env bash
# Proves the Debian package as a user would meet it: builds the .deb from an existing build tree, installs it
# with `apt-get install ./merchbench_*.deb` into a pristine Debian 12 (debootstrap minbase) so that apt alone
# resolves every dependency, then checks the desktop entry and icons and runs the installed programs from PATH.
#   bash packaging/test-package.sh          # after `bash packaging/setup.sh build|test`; needs root
# CI runs it inside ../shared/tools/fresh-debian.sh after the tests (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${MB_BUILD_DIR:-build}
say() { echo "test-package: $*"; }
[ "$(id -u)" -eq 0 ] || { say "needs root (debootstrap and chroot)"; exit 1; }
[ -f "$build_dir/CMakeCache.txt" ] || { say "no build in $build_dir: run 'bash packaging/setup.sh build' first"; exit 1; }

need=()
for p in debootstrap desktop-file-utils dpkg-dev file; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

rm -f "$build_dir"/merchbench_*.deb
cmake --build "$build_dir" --target package >/dev/null
deb=$(ls "$build_dir"/merchbench_*.deb)
say "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
say "depends: $(dpkg-deb -f "$deb" Depends)"

# What the package must hold, before anything is installed.
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/merchbench ./usr/bin/merchbench-cli ./usr/share/applications/merchbench.desktop \
         ./usr/share/icons/hicolor/64x64/apps/merchbench.png ./usr/share/icons/hicolor/scalable/apps/merchbench.svg; do
  grep -qx "$f" <<<"$contents" || { say "the package lacks $f"; exit 1; }
done
desktop-file-validate packaging/merchbench.desktop
say "desktop entry valid"

# A pristine system, nested here: nothing installed but the base, so only apt can bring the dependencies.
mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
root=$(mktemp -d /var/tmp/mb-package-test.XXXXXX)
cleanup() {
  local m busy=0
  for m in dev/pts dev proc; do mountpoint -q "$root/$m" && { umount "$root/$m" 2>/dev/null || umount -l "$root/$m"; }; done
  for m in dev/pts dev proc; do mountpoint -q "$root/$m" && busy=1; done
  # Never delete through a mount that is still there.
  [ $busy = 0 ] && rm -rf --one-file-system "$root"
}
trap cleanup EXIT
say "making a pristine bookworm system in $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null 2>&1 || { say "debootstrap failed"; exit 1; }
if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
  : >"$root/etc/apt/sources.list"; cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/"
fi
cp /etc/resolv.conf "$root/etc/" 2>/dev/null || true
cp "$deb" "$root/tmp/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"   # dpkg logs through a pseudo-terminal

chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -euo pipefail -c '
  cd /tmp
  apt-get update -qq
  apt-get install -y -qq ./merchbench_*.deb >/dev/null
  echo "test-package: installed with apt alone"
  command -v merchbench merchbench-cli
  test -f /usr/share/applications/merchbench.desktop
  test -f /usr/share/icons/hicolor/64x64/apps/merchbench.png
  test -f /usr/share/icons/hicolor/scalable/apps/merchbench.svg
  merchbench-cli --workspace /tmp/demo.merchbench demo --seed 42
  merchbench-cli --workspace /tmp/demo.merchbench info
  QT_QPA_PLATFORM=offscreen merchbench --workspace /tmp/demo.merchbench --view maps --screenshot /tmp/maps.png
  test -s /tmp/maps.png
  head -c 8 /tmp/maps.png | od -An -tx1 | grep -q "89 50 4e 47" || { echo "test-package: the screenshot is not a PNG"; exit 1; }
  echo "test-package: merchbench-cli demo and merchbench --screenshot work from PATH"
'
cp "$root/tmp/maps.png" "$build_dir/package-screenshot.png"
say "passed (screenshot of the installed app: $build_dir/package-screenshot.png)"
