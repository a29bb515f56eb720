import { servePoolJobs } from "../../kernels/pool/pool-worker.ts";
import { labPoolJobs } from "./lab-pool-jobs.ts";

// The entry module of every worker of the lab's pool (create-lab-pool.ts).
servePoolJobs(labPoolJobs);
