import * as pulumi from "@pulumi/pulumi";
import * as kamae from "kamae";

// Every instance tagged kamae:traffic-mirror=true gets a traffic mirror session to the sensor's Network Load Balancer
// when it starts, and loses it when it stops; a reconciler catches missed events. The sensor's own subnets are excluded.
const config = new pulumi.Config();

const feed = new kamae.TrafficMirrorFeed("sensor-feed", {
  networkLoadBalancerArn: config.require("sensorNetworkLoadBalancerArn"),
  excludeCidrs: config.getObject<string[]>("sensorCidrs") ?? [],
  mode: config.get("mode") === "detect" ? "detect" : "enforce",
  maxActionsPerRun: 100,
});

export const targetId = feed.targetId;
export const filterId = feed.filterId;
