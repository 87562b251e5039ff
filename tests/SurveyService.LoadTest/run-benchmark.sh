#!/usr/bin/env bash
# The deadline-rush benchmark (BENCHMARKS.md): starts the service with the README's run command
# in Release on a fresh temporary data directory, runs the load generator for each N against that
# one running service (each run makes its own consultation and accounts), then the same with
# arrivals spread in time, then stops the service and removes the directory. Only loopback is
# ever contacted.
#
#   bash tests/SurveyService.LoadTest/run-benchmark.sh                 # N = 200, N = 2000, then 2000 spread over 25 s
#   SIZES="50" SPREAD="" bash tests/SurveyService.LoadTest/run-benchmark.sh   # a quick check
#   SIZES="" SPREAD="2000:25" bash tests/SurveyService.LoadTest/run-benchmark.sh  # only the spread run
#   SIZES="" SPREAD="" PORTAL_SIZES="200 500" bash tests/SurveyService.LoadTest/run-benchmark.sh --rounds 6
#                                                                   # only the portal against the API
#   SIZES="" SPREAD="" PORTAL_SPREAD="500:5" bash tests/SurveyService.LoadTest/run-benchmark.sh  # the same, arrivals spread
#   bash tests/SurveyService.LoadTest/run-benchmark.sh --concurrency 64   # extra arguments go to the generator
#   KEYS=rsa2048 bash tests/SurveyService.LoadTest/run-benchmark.sh    # token keys from 2048-bit certificate files
#   OpenIddict__EncryptAccessTokens=true bash tests/SurveyService.LoadTest/run-benchmark.sh  # encrypted access tokens, as before
#   env Logging__LogLevel__Microsoft.AspNetCore.Server.Kestrel.BadRequests=Debug bash tests/SurveyService.LoadTest/run-benchmark.sh
#                                                                   # Kestrel's bad-request log (data-rate timeouts) kept
#
# SIZES: the N of each rush, all N respondents released at the same instant (with the in-process
# ceiling). SPREAD: "N:S" pairs, N respondents whose arrivals are spread evenly over S seconds
# (no in-process ceiling; it does not depend on arrivals); empty for none.
# PORTAL_SIZES: the N of each portal comparison (--portal): the same N respondents, with the same
# answers, through the JSON API and through the portal's HTML forms as a browser without script,
# each path on a consultation of its own, in rounds alternating which path goes first (--rounds R,
# default 4), sign-in measured apart; empty (the default) for none. PORTAL_SPREAD: "N:S" pairs, the
# same with arrivals spread evenly over S seconds; empty (the default) for none. The load average is
# printed before and after each of these runs: on a shared machine, only ratios within a run mean much.
#
# By default the service runs as the README says, in Development: its OpenIddict development
# certificates are 4096-bit RSA, and access tokens are signed but not encrypted
# (OpenIddict:EncryptAccessTokens=false), so an API request verifies one RSA signature and
# decrypts nothing. With OpenIddict__EncryptAccessTokens=true every API request also decrypts its
# token with the 4096-bit private key. KEYS=rsa2048 gives it 2048-bit certificate files instead
# (configuration only, the way production is set up; needs openssl).
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES-"200 2000"}
SPREAD=${SPREAD-"2000:25"}
PORTAL_SIZES=${PORTAL_SIZES-""}
PORTAL_SPREAD=${PORTAL_SPREAD-""}
PORT=5080 # the README's address, from the launch profile
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d -t survey-benchmark-XXXXXX)
RUN_PID=""

cleanup() {
    if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
        # dotnet run and the service it started share the process group made by setsid below.
        kill -TERM -- "-$RUN_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 1; done
        kill -KILL -- "-$RUN_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA"
}
trap cleanup EXIT

if curl -s -o /dev/null --max-time 2 "$BASE/health"; then
    echo "Something already answers on port $PORT; stop it first." >&2
    exit 1
fi

# Built first, so neither build lands inside a measurement and the service starts at once.
dotnet build -c Release src/SurveyService -nologo -v q
dotnet build -c Release tests/SurveyService.LoadTest -nologo -v q

KEY_SETTINGS=()
KEYS_NOTE="Development certificates (4096-bit RSA)"
if [[ "${KEYS:-}" == rsa2048 ]]; then
    for use in signing:digitalSignature encryption:keyEncipherment; do
        name=${use%%:*}
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=SurveyService benchmark $name" \
            -addext "keyUsage=critical,${use#*:}" -keyout "$DATA/$name.key" -out "$DATA/$name.crt" 2>/dev/null
        openssl pkcs12 -export -inkey "$DATA/$name.key" -in "$DATA/$name.crt" -out "$DATA/$name.pfx" -passout pass:benchmark
    done
    KEY_SETTINGS=(OpenIddict__SigningCertificatePath="$DATA/signing.pfx" OpenIddict__SigningCertificatePassword=benchmark
        OpenIddict__EncryptionCertificatePath="$DATA/encryption.pfx" OpenIddict__EncryptionCertificatePassword=benchmark)
    KEYS_NOTE="2048-bit RSA certificate files (OpenIddict__*CertificatePath)"
fi
if [[ "${OpenIddict__EncryptAccessTokens:-false}" == [Tt]rue ]]; then
    KEYS_NOTE="$KEYS_NOTE; access tokens signed and encrypted (OpenIddict__EncryptAccessTokens=true)"
else
    KEYS_NOTE="$KEYS_NOTE; access tokens signed, not encrypted (the default)"
fi

# The README's run command, in Release; the sign-in rate limit raised (every respondent signs in
# from this one address), no demo data, the SQLite file in the temporary directory.
env Database__DataDirectory="$DATA" SignIn__PermitLimit=1000000 Demo__Enabled=false "${KEY_SETTINGS[@]}" \
    setsid dotnet run -c Release --project src/SurveyService >"$DATA/service.log" 2>&1 &
RUN_PID=$!

for i in $(seq 1 120); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health")" == 200 ]]; then break; fi
    if ! kill -0 "$RUN_PID" 2>/dev/null || [[ $i == 120 ]]; then
        echo "The service did not become healthy; its log:" >&2
        cat "$DATA/service.log" >&2
        exit 1
    fi
    sleep 1
done

# The service itself is the child of dotnet run; its processor time is reported per run.
SERVICE_PID=$(pgrep -P "$RUN_PID" | head -n 1 || true)
PID_ARGS=()
[[ -n "$SERVICE_PID" ]] && PID_ARGS=(--service-pid "$SERVICE_PID")

echo "## Deadline rush, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo
echo "- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory; .NET SDK $(dotnet --version)"
echo "- service: \`dotnet run -c Release --project src/SurveyService\` (Development) with Database__DataDirectory=<fresh temp dir> SignIn__PermitLimit=1000000 Demo__Enabled=false; token keys: $KEYS_NOTE"
echo "- load generator: \`dotnet tests/SurveyService.LoadTest/bin/Release/net10.0/SurveyService.LoadTest.dll --base-url $BASE --respondents N --sqlite <data dir>/survey.db --service-pid <pid>${*:+ $*}\`; the spread runs add \`--arrival-seconds S --no-ceiling\`; the portal comparisons run \`--portal --respondents N\` (and \`--arrival-seconds S\`)"
echo

# The kernel's count of connections dropped because the listening socket's accept queue was full
# (whole machine, so another program's traffic would count too): a rush opens N connections at once.
listen_overflows() { awk '/^TcpExt:/ { if (!h) { split($0, k); h = 1 } else { split($0, v); for (i in k) if (k[i] == "ListenOverflows") print v[i] } }' /proc/net/netstat; }
if backlog=$(ss -Hltn "sport = :$PORT" 2>/dev/null | awk 'NR == 1 {print $3}') && [[ -n "$backlog" ]]; then
    echo "- listening socket: accept queue (backlog) of $backlog connections (\`ss -ltn\`, Send-Q)"
    echo
fi

status=0
run() {
    local before after
    before=$(listen_overflows || true)
    dotnet tests/SurveyService.LoadTest/bin/Release/net10.0/SurveyService.LoadTest.dll \
        --base-url "$BASE" --sqlite "$DATA/survey.db" "${PID_ARGS[@]}" "$@" || status=$?
    after=$(listen_overflows || true)
    if [[ -n "$before" && -n "$after" ]]; then
        echo "- kernel, over this whole run (setup included): $((after - before)) connection attempts dropped because the accept queue was full (TcpExtListenOverflows; the client retries them)"
        echo
    fi
}
for n in $SIZES; do
    run --respondents "$n" --floor "$@"
done
for pair in $SPREAD; do
    run --respondents "${pair%%:*}" --arrival-seconds "${pair#*:}" --no-ceiling "$@"
done
portal() {
    echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
    echo
    run --portal "$@"
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
}
for n in $PORTAL_SIZES; do
    portal --respondents "$n" "$@"
done
for pair in $PORTAL_SPREAD; do
    portal --respondents "${pair%%:*}" --arrival-seconds "${pair#*:}" "$@"
done

if grep -Eq "warn|fail|Exception" "$DATA/service.log"; then
    echo "The service logged warnings or failures (first lines):"
    echo
    grep -E -A2 "warn|fail|Exception" "$DATA/service.log" | head -n 40 | sed 's/^/    /'
fi
exit $status
