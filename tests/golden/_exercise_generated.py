"""Runs one generated schema end to end: envelope -> StampedBatch -> transformer -> chDB -> select, and the same
event through the generated protobuf insert (ClickHouse decodes it), which must store the same row.

Run as a script in a process of its own (the generated modules have fixed names, so one schema per
process): `python -I _exercise_generated.py <generated root> <chDB folder> <spec JSON>`.

For each event type it builds an envelope carrying that event with every field set to a value it
can recognise (one member per oneof), checks has_header, batch_header_suffix and the envelope's id and
times, stamps it as the ingest side would and transforms it. It checks the value of every column that a
scalar, enum, repeated scalar, scalar map or one-column well-known type lands in (outside repeated
messages and maps; PII_HASH columns must hold the HMAC), creates the databases and tables of
clickhouse/schema.json in an embedded chDB, inserts the columns and reads the checked ones back.
Where the schema has a protobuf insert for the event (clickhouse/inserts.json), the event is stored again
through it, under an id of its own, and every column must hold what the transformer's insert stored.
It prints a JSON summary; any mismatch raises.

The spec (JSON) holds what a generic filler cannot guess:
  "envelope": {field: value}   envelope fields to set after filling (times in the configured unit)
  "client_time_us": int|null   what envelope.client_time_us() must return for them
  "sent_at_us": int|null       what envelope.sent_at_us() must return
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT, CHDB_DIR, SPEC = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project: runtime's protobuf insert

import clickhouse_connect  # noqa: E402
from google.protobuf.descriptor import FieldDescriptor as FD  # noqa: E402

from runtime.store.protobuf_insert import ProtobufInsert, pii_parameters  # noqa: E402
from runtime.transport import encode_batch, encode_event, events_body  # noqa: E402

envelope = importlib.import_module("eventgen_schema.envelope")
transformers = importlib.import_module("eventgen_schema.transformers")
transport = importlib.import_module("eventgen.transport_pb2")
CLICKHOUSE = json.loads((ROOT / "clickhouse" / "schema.json").read_text())
INSERTS = ProtobufInsert.from_document(json.loads((ROOT / "clickhouse" / "inserts.json").read_text()))

PII_KEY = b"golden-pii-key"
# 2026-11-27T09:30:00.123456Z: every Timestamp the filler sets.
T_SECONDS, T_NANOS = 1_795_771_800, 123_456_000
T_US = T_SECONDS * 1_000_000 + T_NANOS // 1000
RECEIVED_AT_US = T_US + 5_000_000
_INTS = {FD.TYPE_INT32, FD.TYPE_INT64, FD.TYPE_UINT32, FD.TYPE_UINT64, FD.TYPE_SINT32, FD.TYPE_SINT64,
         FD.TYPE_FIXED32, FD.TYPE_FIXED64, FD.TYPE_SFIXED32, FD.TYPE_SFIXED64}


class Filler:
    """Sets every field of a message to a distinct value and records, by column origin
    ("pkg.Msg.field#3.sub#1"), what the transformer should make of the leaves it set."""

    def __init__(self, start: int) -> None:
        self.counter = start  # distinct per event, so ids and values differ between events
        self.expected: dict[str, Any] = {}

    def scalar(self, fd: Any, name: str) -> Any:
        self.counter += 1
        if fd.type == FD.TYPE_STRING:
            return f"{name}-{self.counter}"
        if fd.type == FD.TYPE_BYTES:
            return f"{name}-{self.counter}".encode()
        if fd.type == FD.TYPE_BOOL:
            return True
        if fd.type in (FD.TYPE_DOUBLE, FD.TYPE_FLOAT):
            return self.counter + 0.5  # exact in float32
        if fd.type in _INTS:
            return self.counter
        if fd.type == FD.TYPE_ENUM:
            values = fd.enum_type.values
            return (values[1] if len(values) > 1 else values[0]).number
        raise TypeError(f"no value for {fd.full_name}")

    @staticmethod
    def column_value(fd: Any, value: Any) -> Any:
        """What the transformer writes for a scalar value of this field."""
        if fd.type == FD.TYPE_ENUM:
            return fd.enum_type.values_by_number[value].name
        return value

    def fill(self, msg: Any, origin: str | None, skip_oneof: str = "", depth: int = 0) -> None:
        """`origin` is None below a repeated field or a map: those leaves are not recorded."""
        if self._well_known(msg, origin):
            return
        if depth > 6:
            return
        if depth:
            msg.SetInParent()  # an event or submessage with no fields of its own is still set
        seen_oneofs: set[str] = set()
        for fd in msg.DESCRIPTOR.fields:
            oneof = fd.containing_oneof
            if oneof is not None:
                if oneof.name == skip_oneof or oneof.name in seen_oneofs:
                    continue
                seen_oneofs.add(oneof.name)
            here = f"{origin}.{fd.name}#{fd.number}" if origin is not None else None
            field = getattr(msg, fd.name)
            entry = fd.message_type
            if entry is not None and entry.GetOptions().map_entry:
                key_fd, value_fd = entry.fields_by_name["key"], entry.fields_by_name["value"]
                key = self.scalar(key_fd, fd.name)
                if value_fd.message_type is not None:
                    self.fill(field[key], None, depth=depth + 1)
                else:
                    value = self.scalar(value_fd, fd.name)
                    field[key] = value
                    if here is not None:
                        self.expected[here] = {key: self.column_value(value_fd, value)}
            elif fd.is_repeated:
                if entry is not None:
                    for _ in range(2):
                        self.fill(field.add(), None, depth=depth + 1)
                else:
                    values = [self.scalar(fd, fd.name) for _ in range(2)]
                    field.extend(values)
                    if here is not None:
                        self.expected[here] = [self.column_value(fd, v) for v in values]
            elif entry is not None:
                self.fill(field, here, depth=depth + 1)
            else:
                value = self.scalar(fd, fd.name)
                setattr(msg, fd.name, value)
                if here is not None:
                    self.expected[here] = self.column_value(fd, value)

    def _well_known(self, msg: Any, origin: str | None) -> bool:
        """Fills a well-known type and records its one-column value; False for other messages."""
        name = msg.DESCRIPTOR.full_name
        if not name.startswith("google.protobuf."):
            return False
        kind = name.removeprefix("google.protobuf.")
        want: Any = None
        if kind == "Timestamp":
            msg.seconds, msg.nanos = T_SECONDS, T_NANOS
            want = T_US
        elif kind == "Duration":
            msg.seconds, msg.nanos = 90, 500_000_000
            want = 90_500_000
        elif kind == "Struct":
            msg.update({"plan": "pro", "seats": 3})
            want = '{"plan":"pro","seats":3.0}'
        elif kind == "Value":
            msg.string_value = "any-value"
            want = '"any-value"'
        elif kind == "ListValue":
            msg.extend(["a", 1])
            want = '["a",1.0]'
        elif kind == "FieldMask":
            msg.paths.extend(["a.b", "c"])
            want = ["a.b", "c"]
        elif kind == "Any":  # two columns of one origin: not recorded
            msg.type_url, msg.value = "type.googleapis.com/golden.Thing", b"\x08\x01"
        elif "value" in msg.DESCRIPTOR.fields_by_name:  # the wrappers
            want = msg.value = self.scalar(msg.DESCRIPTOR.fields_by_name["value"], kind.lower())
        else:
            msg.SetInParent()
        if origin is not None and want is not None:
            self.expected[origin] = want
        return True


def check_value(column: str, got: Any, want: Any, hashed_ok: bool) -> None:
    if got == want:
        return
    if hashed_ok:
        # A PII_HASH column holds the HMAC of what was sent, element by element.
        def digest(v: Any) -> Any:
            data = v.encode() if isinstance(v, str) else v
            return hmac.new(PII_KEY, data, hashlib.sha256).hexdigest()
        if isinstance(want, list) and got == [digest(v) for v in want]:
            return
        if isinstance(want, (str, bytes)) and got == digest(want):
            return
    raise AssertionError(f"column {column}: got {got!r}, want {want!r}")


def normalise(value: Any) -> Any:
    """ClickHouse's String comes back as str where the transformer may have written bytes."""
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {normalise(k): normalise(v) for k, v in value.items()}
    return value


def main() -> None:
    client = clickhouse_connect.get_client(dsn=f"chdb://{CHDB_DIR}")
    cluster = CLICKHOUSE["cluster"]
    for database in CLICKHOUSE["databases"]:
        client.command(database["create"].replace(f" ON CLUSTER `{cluster}`", "") if cluster else database["create"])
    tables = {f"{t['database']}.{t['name']}": t for t in CLICKHOUSE["tables"]}
    for table in tables.values():
        create = table["create"]
        if cluster:
            # The embedded engine has no cluster and no ZooKeeper: same columns, local engine.
            create = create.replace(f" ON CLUSTER `{cluster}`", "").replace(table["engine"], "ReplacingMergeTree")
        client.command(create)

    summary: dict[str, Any] = {}
    for number, event in enumerate(sorted(transformers.TRANSFORMERS), start=1):
        filler = Filler(start=number * 1000)
        env = envelope.Envelope()
        filler.fill(env, envelope.Envelope.DESCRIPTOR.full_name, skip_oneof=envelope.ONEOF)
        for name, value in SPEC.get("envelope", {}).items():
            setattr(env, name, value)
        arm = envelope.ARMS[event]
        payload = getattr(env, arm)
        filler.fill(payload, payload.DESCRIPTOR.full_name, depth=1)
        assert envelope.event_type(env) == event, (envelope.event_type(env), event)

        if envelope.Batch is not None and envelope.BATCH_HEADER_FIELD and envelope.HEADER_FIELD:
            batch = envelope.Batch()
            header = getattr(env, envelope.HEADER_FIELD)
            getattr(batch, envelope.BATCH_HEADER_FIELD).CopyFrom(header)
            bare = envelope.Envelope()
            bare.CopyFrom(env)
            bare.ClearField(envelope.HEADER_FIELD)
            assert not envelope.has_header(bare) and envelope.has_header(env), f"{event}: has_header is wrong"
            merged = envelope.Envelope.FromString(bare.SerializeToString() + envelope.batch_header_suffix(batch))
            assert merged == env, f"{event}: batch_header_suffix did not restore the header from the batch"

        client_time = envelope.client_time_us(env)
        sent_at = envelope.sent_at_us(env)
        assert client_time == SPEC.get("client_time_us"), f"{event}: client_time_us {client_time}"
        assert sent_at == SPEC.get("sent_at_us"), f"{event}: sent_at_us {sent_at}"
        event_id = envelope.client_event_id(env) or f"derived-{number}"
        data = env.SerializeToString(deterministic=True)
        client_column = -(2**63) if client_time is None else client_time
        stamped = transport.StampedBatch.FromString(encode_batch(event, [encode_event(
            event_id.encode(), RECEIVED_AT_US, client_time or RECEIVED_AT_US, client_column, data)]))

        names = transformers.COLUMNS[event]
        columns = transformers.TRANSFORMERS[event](stamped, pii_key=PII_KEY)
        assert len(columns) == len(names), f"{event}: {len(columns)} columns for {len(names)} names"
        assert all(len(c) == 1 for c in columns), f"{event}: column lengths {[len(c) for c in columns]}"
        row = {name: column[0] for name, column in zip(names, columns, strict=True)}
        assert row["event_id"] == event_id and row["event_type"] == event
        assert row["event_time"] == (client_time or RECEIVED_AT_US) and row["received_at"] == RECEIVED_AT_US
        assert row["source"] == envelope.SOURCES[event]

        qualified = transformers.TABLES[event]
        origins = {c["name"]: c["origin"] for c in tables[qualified]["columns"]}
        checked = []
        for name in names:
            want = filler.expected.get(origins[name])
            if want is None:
                continue
            check_value(name, row[name], want, hashed_ok=True)
            checked.append(name)

        client.insert(qualified, columns, column_names=list(names), column_oriented=True)
        types = {c["name"]: c["type"].replace("Nullable(", "") for c in tables[qualified]["columns"]}
        quoted = ", ".join(f"toUnixTimestamp64Micro(`{n}`)" if types[n].startswith("DateTime64") else f"`{n}`"
                           for n in ("event_type", "source", *checked))
        database, table = qualified.split(".")
        result = client.query(
            f"SELECT toUnixTimestamp64Micro(event_time), toUnixTimestamp64Micro(received_at), "
            f"toUnixTimestamp64Micro(client_time), {quoted} FROM `{database}`.`{table}` WHERE event_id = %(id)s",
            parameters={"id": event_id})
        assert len(result.result_rows) == 1, f"{event}: {len(result.result_rows)} rows in {qualified}"
        stored = dict(zip(("event_time", "received_at", "client_time", "event_type", "source", *checked),
                          result.result_rows[0], strict=True))
        assert stored["event_time"] == row["event_time"] and stored["received_at"] == RECEIVED_AT_US
        assert stored["client_time"] == client_time and stored["event_type"] == event
        for name in checked:
            if normalise(stored[name]) != normalise(row[name]):
                raise AssertionError(f"{event}: {qualified}.{name} stored {stored[name]!r}, inserted {row[name]!r}")
        summary[event] = {"columns": len(names), "checked": len(checked),
                          "protobuf_insert": check_protobuf_insert(client, event, event_id, data, client_column)}
    print(json.dumps(summary, sort_keys=True))


def check_protobuf_insert(client: Any, event: str, event_id: str, data: bytes, client_column: int) -> bool:
    """Stores the event again through its protobuf insert; every column must match the transformer's row."""
    insert = INSERTS.get(event)
    if insert is None:
        return False
    native_id = f"native-{event_id}"
    body = encode_batch(event, [encode_event(native_id.encode(), RECEIVED_AT_US,
                                             RECEIVED_AT_US if client_column == -(2**63) else client_column,
                                             client_column, data)])
    insert.run(client, insert.table, [events_body(body, transport.StampedBatch.FromString(body))], native_id,
               pii_parameters(PII_KEY), schemas=CHDB_DIR / "format_schemas")
    names = ", ".join(f"`{n}`" for n in insert.columns[1:])
    rows = {}
    for wanted in (event_id, native_id):
        result = client.query(f"SELECT {names} FROM {insert.table} WHERE event_id = %(id)s", parameters={"id": wanted})
        assert len(result.result_rows) == 1, f"{event}: {len(result.result_rows)} rows of {wanted}"
        rows[wanted] = result.result_rows[0]
    for name, python, native in zip(insert.columns[1:], rows[event_id], rows[native_id], strict=True):
        if normalise(python) != normalise(native) and not (python != python and native != native):  # NaN
            raise AssertionError(f"{event}: column {name} is {native!r} through the protobuf insert, "
                                 f"{python!r} through the transformer")
    return True


if __name__ == "__main__":
    main()
