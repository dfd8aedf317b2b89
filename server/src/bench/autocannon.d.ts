/** The part of autocannon's API the scale benchmark uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }
    interface Options {
      url: string;
      connections?: number;
      amount?: number;
      overallRate?: number;
      requests?: (Request & { setupRequest?: (request: Request) => Request })[];
    }
    interface Histogram {
      p50: number;
      p99: number;
      max: number;
    }
    interface Result {
      latency: Histogram;
      requests: { total: number };
      errors: number;
      non2xx: number;
    }
    interface Instance {
      on(event: 'response', listener: () => void): void;
    }
  }
  function autocannon(options: autocannon.Options, done: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance;
  export = autocannon;
}
