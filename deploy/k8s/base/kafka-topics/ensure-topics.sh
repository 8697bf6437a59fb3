#!/bin/sh
# Makes a Kafka cluster's topics match topics.txt: creates the missing ones with their partitions, replication and
# configuration, sets the configuration of existing ones, then reads every topic back. Fails (exit 1) on what it
# cannot set: a replication factor below the wanted one (raising it is a partition reassignment), or an ordered
# topic (ledger.v1, ledger-replay.v1, api-keys.v1) with more than one partition. An intake topic with fewer partitions
# than wanted is reported, not changed: more partitions would move teams to other partitions while records are in
# flight. Run by the kafka-topics Job with the apache/kafka image; any Kafka's bin/ works (KAFKA_BIN).
set -eu
bin=${KAFKA_BIN:-/opt/kafka/bin}
topics_file=${TOPICS_FILE:-/etc/kafka-topics/topics.txt}
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}
replication=${KAFKA_TOPIC_REPLICATION_FACTOR:?set KAFKA_TOPIC_REPLICATION_FACTOR}
min_insync=${KAFKA_MIN_INSYNC_REPLICAS:?set KAFKA_MIN_INSYNC_REPLICAS}
intake_partitions=${INGEST_USAGE_TOPIC_PARTITIONS:?set INGEST_USAGE_TOPIC_PARTITIONS}
prefix=${KAFKA_TOPIC_PREFIX:-}
wait_attempts=${BROKER_WAIT_ATTEMPTS:-60}

topics() {
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "$@" </dev/null
}

# The Job may start before the brokers answer: ask every 5 s, at most wait_attempts times.
attempt=1
until topics --list >/dev/null 2>&1; do
  if [ "$attempt" -ge "$wait_attempts" ]; then
    echo "ensure-topics: no Kafka answered at $bootstrap after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 5
done

failed=0
while read -r name partitions configuration; do
  case "$name" in '' | '#'*) continue ;; esac
  [ "$partitions" = intake ] && partitions=$intake_partitions
  topic="$prefix$name"
  wanted="min.insync.replicas=$min_insync,$configuration"
  # One --config per setting; the settings hold no spaces, so splitting the list is safe.
  create_options=$(echo "$wanted" | tr ',' '\n' | sed 's/^/--config /' | tr '\n' ' ')
  # shellcheck disable=SC2086
  topics --create --if-not-exists --topic "$topic" --partitions "$partitions" \
    --replication-factor "$replication" $create_options >/dev/null
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type topics --entity-name "$topic" \
    --add-config "$wanted" </dev/null >/dev/null
  description=$(topics --describe --topic "$topic" | head -n 1)
  actual_partitions=$(echo "$description" | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p')
  actual_replication=$(echo "$description" | sed -n 's/.*ReplicationFactor: *\([0-9]*\).*/\1/p')
  if [ -z "$actual_partitions" ] || [ -z "$actual_replication" ]; then
    echo "ensure-topics: $topic: cannot read its description: $description" >&2
    failed=1
    continue
  fi
  if [ "$actual_replication" -lt "$replication" ]; then
    echo "ensure-topics: $topic has replication factor $actual_replication, must be $replication" \
      "(reassign its partitions: kafka-reassign-partitions.sh)" >&2
    failed=1
  fi
  if [ "$partitions" = 1 ] && [ "$actual_partitions" != 1 ]; then
    echo "ensure-topics: $topic has $actual_partitions partitions, must have exactly 1 (it carries one order);" \
      "recreate it empty, or restore it from the ledger (deploy/README.md)" >&2
    failed=1
  elif [ "$actual_partitions" -lt "$partitions" ]; then
    echo "ensure-topics: $topic has $actual_partitions partitions, $partitions wanted; left as it is" \
      "(kafka-topics.sh --alter --partitions moves teams to other partitions)" >&2
  fi
  echo "ensure-topics: $topic: $actual_partitions partitions, replication factor $actual_replication, $wanted"
done <"$topics_file"
exit "$failed"
