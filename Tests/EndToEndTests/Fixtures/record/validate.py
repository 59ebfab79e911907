#!/usr/bin/env python3
"""Validates a Tollgate run record against Schemas/run-record.schema.json (JSON Schema draft 2020-12).

Usage: validate.py SCHEMA RECORD — prints "valid" and exits 0, or prints every violation and exits 1.
"""
import json
import sys

import jsonschema

schema_path, record_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as handle:
    schema = json.load(handle)
jsonschema.Draft202012Validator.check_schema(schema)
with open(record_path, encoding="utf-8") as handle:
    record = json.load(handle)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(record), key=lambda e: list(e.absolute_path))
for error in errors[:20]:
    print("/".join(str(part) for part in error.absolute_path) + ": " + error.message)
if errors:
    sys.exit(1)
print("valid")
