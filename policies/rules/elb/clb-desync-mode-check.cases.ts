import { desyncModeCases } from "../cases";

export default desyncModeCases("aws:elb/loadBalancer:LoadBalancer");
