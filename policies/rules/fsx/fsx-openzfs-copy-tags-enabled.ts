// fsx-openzfs-copy-tags-enabled: FSx for OpenZFS file systems copy their tags to backups and volumes. (FSBP FSx.1)
import { all, requireTrue, settingRule } from "../../judge";

export default settingRule("fsx-openzfs-copy-tags-enabled", (p) => all(requireTrue(p.copyTagsToBackups, "does not copy tags to backups: set copyTagsToBackups true"), requireTrue(p.copyTagsToVolumes, "does not copy tags to volumes: set copyTagsToVolumes true")));
