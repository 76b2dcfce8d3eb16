// s3-bucket-public-write-prohibited: no ACL or bucket policy grants public write access that Block Public Access leaves in effect.
import { stackRule } from "../../model";
import { publicAccessViolations } from "../../s3";

export default stackRule("s3-bucket-public-write-prohibited", (resources) => publicAccessViolations(resources, "write"));
