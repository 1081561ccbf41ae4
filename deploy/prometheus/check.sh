#!/usr/bin/env bash
# Checks the Prometheus configuration and alert rules, and runs the rules' unit tests. Needs promtool (Debian:
# `apt-get install prometheus`).
set -euo pipefail
cd "$(dirname "$0")"
promtool check config prometheus.yml
promtool check rules tenant-bridge-alerts.yml
promtool test rules tenant-bridge-alerts-test.yml
