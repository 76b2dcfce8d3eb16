// s3-bucket-public-read-prohibited: no ACL or bucket policy grants public read access that Block Public Access leaves in effect.
import { stackRule } from "../../model";
import { publicAccessViolations } from "../../s3";

export default stackRule("s3-bucket-public-read-prohibited", (resources) => publicAccessViolations(resources, "read"));
