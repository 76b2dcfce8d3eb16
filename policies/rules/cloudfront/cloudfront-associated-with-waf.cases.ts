import { ACL_ARN, DIST, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "webAclId", input: res(DIST, "cdn", { webAclId: ACL_ARN }) }],
    violating: [{ title: "none", input: res(DIST, "cdn", { enabled: true }), about: "cdn" }],
  });
