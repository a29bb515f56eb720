import { kernelPoolJobs } from "../../kernels/pool/kernel-jobs.ts";
import type { JobRunner, JobTable } from "../../kernels/pool/pool-job.ts";
import { cnnPoolJobs } from "../../model/cnn-jobs.ts";
import { trainingPoolJobs } from "../training/training-jobs.ts";

/** Every job the lab's pool runs: the kernels', the model's and the data loader's. */
export const labPoolJobs = { ...kernelPoolJobs, ...cnnPoolJobs, ...trainingPoolJobs } as const satisfies JobTable;
export type LabPoolJobs = typeof labPoolJobs;

/** What benchmarks and islands run the lab's jobs on: the worker pool, or SerialPool in tests. */
export type LabPool = JobRunner<LabPoolJobs>;
