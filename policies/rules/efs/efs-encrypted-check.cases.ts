import { res, ruleCases } from "../cases";

export default ruleCases({
    compliant: [{ title: "encrypted", input: res("aws:efs/fileSystem:FileSystem", "fs", { encrypted: true }) }],
    violating: [{ title: "unencrypted", input: res("aws:efs/fileSystem:FileSystem", "fs", {}), about: "fs" }],
  });
