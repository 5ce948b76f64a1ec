# shellcheck shell=bash
# Sourced by .ci/run: makes Debian's headless Chromium available for the
# HTML report test (engine/report, TestReconcileHTMLInChromium) and exports
# TOLLGATE_REQUIRE_CHROMIUM=1 so that the test fails, rather than skips,
# when the browser is missing.
#
# Installs the chromium package (and a font, so that screenshots show
# text) with apt-get when no chromium is on PATH; needs root and the
# network.

tollgate_chromium_install() {
	if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
		return 0
	fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "chromium.sh: chromium is missing and installing it needs root: apt-get install chromium" >&2
		return 1
	fi
	echo "chromium.sh: installing chromium with apt-get" >&2
	apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
}

tollgate_chromium_install
chromium --version 2>/dev/null || /usr/bin/chromium --version
export TOLLGATE_REQUIRE_CHROMIUM=1
