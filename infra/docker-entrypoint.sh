#!/bin/sh
# The image's entrypoint: the first argument names what to run, so an operator types
#   docker compose run --rm api users bootstrap
#   docker run --rm -v zw-data:/var/lib/zero-waste zero-waste-city plan:import /plans/plan.json
# instead of the compiled paths. Anything else is run as given (e.g. `node dist/...`).
set -e
case "$1" in
  api) shift; exec node dist/apps/api/src/main.js "$@" ;;
  worker) shift; exec node dist/apps/worker/src/main.js "$@" ;;
  users) shift; exec node dist/apps/api/src/auth/users.cli.js "$@" ;;
  plan:import) shift; exec node dist/apps/api/src/plans/plan-import.cli.js "$@" ;;
  audit:verify) shift; exec node dist/apps/api/src/audit/audit-verify.cli.js "$@" ;;
  projections:rebuild) shift; exec node dist/apps/api/src/views/projections-rebuild.cli.js "$@" ;;
  help | --help | -h)
    echo "commands: api [--seed-plan] | worker | users | plan:import | audit:verify | projections:rebuild (each with --help)"
    exit 0
    ;;
esac
exec "$@"
