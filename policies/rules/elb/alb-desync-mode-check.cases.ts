import { desyncModeCases } from "../cases";

export default desyncModeCases("aws:lb/loadBalancer:LoadBalancer");
