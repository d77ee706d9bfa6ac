import { describe, expect, test } from 'vitest';
import { gatherProbeFacts, type NavigatorLike } from './probeBrowser';

const limits = {
  maxBufferSize: 2 ** 30,
  maxStorageBufferBindingSize: 2 ** 30,
  maxComputeWorkgroupStorageSize: 32768,
  maxStorageBuffersPerShaderStage: 10,
  maxTextureDimension2D: 8192,
};

describe('gatherProbeFacts', () => {
  test('no navigator.gpu: no WebGPU', async () => {
    expect(await gatherProbeFacts({})).toEqual({ gpu: { webgpu: false } });
  });

  test('requestAdapter gives null: no adapter', async () => {
    const nav: NavigatorLike = { gpu: { requestAdapter: async () => null }, deviceMemory: 8 };
    expect(await gatherProbeFacts(nav)).toEqual({ gpu: { webgpu: true, adapter: null }, deviceMemoryGiB: 8 });
  });

  test('requestAdapter throws: no adapter, with the browser’s words', async () => {
    const nav: NavigatorLike = {
      gpu: {
        requestAdapter: async () => {
          throw new Error('WebGPU is disabled by policy');
        },
      },
    };
    expect((await gatherProbeFacts(nav)).gpu).toEqual({
      webgpu: true,
      adapter: null,
      adapterError: 'WebGPU is disabled by policy',
    });
  });

  test('an adapter is read into plain data, high-performance asked for', async () => {
    let asked: unknown;
    const nav: NavigatorLike = {
      gpu: {
        requestAdapter: async (options) => {
          asked = options;
          return {
            features: new Set(['subgroups', 'shader-f16']),
            limits,
            info: { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true },
          };
        },
      },
      storage: { estimate: async () => ({ usage: 10, quota: 100 }) },
    };
    expect(await gatherProbeFacts(nav)).toEqual({
      gpu: {
        webgpu: true,
        adapter: {
          vendor: 'google',
          architecture: 'swiftshader',
          description: '',
          isFallbackAdapter: true,
          features: ['shader-f16', 'subgroups'],
          limits: {
            maxBufferSize: 2 ** 30,
            maxStorageBufferBindingSize: 2 ** 30,
            maxComputeWorkgroupStorageSize: 32768,
            maxStorageBuffersPerShaderStage: 10,
          },
        },
      },
      storage: { usage: 10, quota: 100 },
    });
    expect(asked).toEqual({ powerPreference: 'high-performance' });
  });

  test('an adapter without `info` (older browsers) still reads', async () => {
    const nav: NavigatorLike = {
      gpu: { requestAdapter: async () => ({ features: [], limits, isFallbackAdapter: false }) },
    };
    const gpu = (await gatherProbeFacts(nav)).gpu;
    expect(gpu.webgpu && gpu.adapter?.vendor).toBe('');
  });
});
