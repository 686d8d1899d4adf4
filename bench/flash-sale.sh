#!/usr/bin/env bash
# A flash sale behind a waiting room (issue #12's benchmark): one Redis (AOF everysec, as run.sh), one instance, and
# bench/FlashSale.java's simulated buyers (BUYERS, 5,000 by default, for SEATS 1,000 seats at RATE_PER_MINUTE,
# arriving over ARRIVAL seconds; bounded to IN_FLIGHT requests at once; loopback only). Prints what FlashSale prints:
# answers by status, seats sold once each, and how the seats spread over the join order.
#
# Needs: a Java 17 JDK, maven, redis-server, redis-cli, python3, curl.   Usage: bench/flash-sale.sh
# Settings (environment): BUYERS (5000) SEATS (1000) RATE_PER_MINUTE (6000) ARRIVAL (10) IN_FLIGHT (64) SKIP_BUILD (0)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" flash-sale


need_tools java mvn redis-server redis-cli python3 curl
build service
start_redis_aof
start_app
java "$TOOLS/FlashSale.java" "http://127.0.0.1:$APP_PORT" "http://127.0.0.1:$APP_ADMIN" | tee "$WORK/flash-sale.txt"
