#!/usr/bin/env bash
# The kiosk's two set-up commands (see README.md):
#   ./kiosk.sh demo   install what is missing, build, run the kiosk with simulated
#                     devices and a local platform (a window when a display exists,
#                     otherwise headless, writing screenshots and receipts to a folder)
#   ./kiosk.sh test   install what is missing, build, run every test
# Also: ./kiosk.sh build
set -euo pipefail
cd "$(dirname "$0")"

JOBS=${JOBS:-$(nproc)}

install_deps() { tools/install-deps; }

build() {
  cmake --preset default >/dev/null
  cmake --build --preset default -j "$JOBS"
}

case "${1:-}" in
  demo)
    install_deps
    build
    shift
    if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && "${1:-}" != "--headless" ]]; then
      exec build/bin/kiosk run --sim "$@"
    fi
    exec tools/demo-headless
    ;;
  test)
    install_deps
    build
    exec tools/run-tests
    ;;
  build)
    install_deps
    build
    ;;
  *)
    echo "usage: ./kiosk.sh demo|test|build" >&2
    exit 2
    ;;
esac
