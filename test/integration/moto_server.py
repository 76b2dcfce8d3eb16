"""moto's server with its known gaps worked around, for the integration suites only (test/integration/moto.ts).

Each patch names the moto 5.2 gap it covers; the responders' bundles run unchanged against it.
"""
import json
import sys
from datetime import datetime
from email.utils import format_datetime

from moto.s3.models import S3Backend
from moto.s3.responses import S3Response
from moto.server import main
from moto.ssm.responses import SimpleSystemManagerResponse

# Gap: GetObjectAttributes splits `x-amz-object-attributes` on "," without trimming, and the AWS SDK sends
# "ObjectSize, Checksum, ETag": every attribute after the first is dropped.
_get_object_attributes = S3Backend.get_object_attributes


def _trimmed_attributes(self, key, attributes_to_get):
    return _get_object_attributes(self, key, [a.strip() for a in attributes_to_get])


S3Backend.get_object_attributes = _trimmed_attributes

# Gap: GetObjectAttributes answers `Last-Modified` in ISO 8601; AWS (and so the SDK's parser) uses RFC 7231 dates.
_response = S3Response.get_object_attributes


def _http_date_last_modified(self):
    status, headers, body = _response(self)
    for name in list(headers):
        if name.lower() == "last-modified":
            value = str(headers[name])
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            headers[name] = format_datetime(parsed, usegmt=True) if parsed.tzinfo else format_datetime(parsed).replace("-0000", "GMT")
    return status, headers, body


S3Response.get_object_attributes = _http_date_last_modified

# Gap: SSM DescribeInstanceInformation is not implemented. Every running EC2 instance of the account and Region is
# answered as an online managed instance, as an SSM agent with the instance's profile would register it.
def _describe_instance_information(self):
    from moto.ec2.models import ec2_backends

    wanted = set()
    for f in self._get_param("Filters") or []:
        if f.get("Key") == "InstanceIds":
            wanted.update(f.get("Values", []))
    ec2 = ec2_backends[self.current_account][self.region]
    listed = [
        {"InstanceId": i.id, "PingStatus": "Online", "PlatformType": "Linux", "ResourceType": "EC2Instance", "AgentVersion": "3.3.0.0"}
        for r in ec2.reservations.values()
        for i in r.instances
        if i.state == "running" and (not wanted or i.id in wanted)
    ]
    return json.dumps({"InstanceInformationList": listed})


SimpleSystemManagerResponse.describe_instance_information = _describe_instance_information

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
