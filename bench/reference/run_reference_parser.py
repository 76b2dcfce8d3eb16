"""
Runs the reference log parser (AWS WAF Security Automations v4.0.x, `LambdaLogParser` in
source/log_parser/lambda_log_parser.py) on one local gzip access log and prints its CPU time and what it decided.

The reference's code is not in this repository: pass the directory holding its lambda_log_parser.py (see
bench/README.md). Its S3 and WAF helpers (lib.s3_util, lib.waflibv2) are replaced by stand-ins that do nothing, as the
timed part (read_log_file + get_outstanding_requesters: gunzip, split, count, decide) never calls them.

usage: python3 run_reference_parser.py <reference-dir> <alb|cloudfront> <file.log.gz>
"""
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import types

reference_dir, log_type, source = sys.argv[1], sys.argv[2], sys.argv[3]
lib = types.ModuleType("lib")
s3_util = types.ModuleType("lib.s3_util")
waflibv2 = types.ModuleType("lib.waflibv2")
s3_util.S3 = lambda log: None
waflibv2.WAFLIBv2 = lambda: None
sys.modules.update({"lib": lib, "lib.s3_util": s3_util, "lib.waflibv2": waflibv2})
sys.path.insert(0, reference_dir)
from lambda_log_parser import LambdaLogParser  # noqa: E402

log = logging.getLogger("reference")
log.setLevel(logging.WARNING)
parser = LambdaLogParser(log)
# The solution's default configuration (errorThreshold 50 a minute, the five error codes).
parser.config = {"general": {"errorThreshold": 50, "requestThreshold": 100, "blockPeriod": 240, "errorCodes": ["400", "401", "403", "404", "405"]}}

# read_log_file deletes the file it reads: give it a copy (not timed, as the S3 download is not).
work = tempfile.mkdtemp()
local = os.path.join(work, "log.gz")
shutil.copyfile(source, local)
start = time.process_time()
counter, outstanding = parser.read_log_file(local, log_type, 0)
outstanding = parser.get_outstanding_requesters(log_type, counter, outstanding)
cpu = time.process_time() - start
shutil.rmtree(work, ignore_errors=True)
print(json.dumps({"cpuMs": cpu * 1000, "keys": len(counter["general"]), "outstanding": sorted(outstanding["general"].keys())}))
