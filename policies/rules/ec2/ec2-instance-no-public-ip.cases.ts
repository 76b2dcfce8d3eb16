import { INSTANCE, LT, res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [
      { title: "private instance", input: res(INSTANCE, "i", { associatePublicIpAddress: false }) },
      { title: "launch template private ENI", input: res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: "false" }] }) },
    ],
    violating: [
      { title: "instance public", input: res(INSTANCE, "i", { associatePublicIpAddress: true }), about: "i" },
      { title: "launch template public ENI", input: res(LT, "lt", { networkInterfaces: [{ associatePublicIpAddress: "true" }] }), about: "lt" },
    ],
  });
