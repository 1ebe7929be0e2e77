import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { renderUi } from '../test/render.tsx';
import { applyApiError } from './apiErrors.ts';
import { useFormSubmit } from './useFormSubmit.ts';

type Values = { name: string; phone: string };

function NameForm(props: {
  run: (values: Values) => Promise<void>;
  showError?: (text: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, submit } = useFormSubmit(form, props.run, props.showError);
  return (
    <Form form={form} onFinish={submit} initialValues={{ name: '张三', phone: '' }}>
      <Form.Item name="name" label="名称">
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="电话">
        <Input />
      </Form.Item>
      <Button htmlType="submit" loading={saving} data-testid="submit">
        保存
      </Button>
    </Form>
  );
}

const submitButton = () => screen.getByTestId('submit');

describe('useFormSubmit', () => {
  it('is saving while the request runs and passes the form values', async () => {
    let finish!: () => void;
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderUi(<NameForm run={run} />);
    await userEvent.click(submitButton());
    await waitFor(() => expect(submitButton()).toHaveClass('ant-btn-loading'));
    expect(run).toHaveBeenCalledWith({ name: '张三', phone: '' });
    finish();
    await waitFor(() => expect(submitButton()).not.toHaveClass('ant-btn-loading'));
  });

  it("puts the server's per-field messages on the form items and shows the overall one", async () => {
    const showError = vi.fn();
    const run = vi.fn(async () => {
      throw new ApiError(400, 'validation', '请检查填写的内容', { phone: '手机号格式不正确' });
    });
    renderUi(<NameForm run={run} showError={showError} />);
    await userEvent.click(submitButton());
    expect(await screen.findByText('手机号格式不正确')).toBeInTheDocument();
    expect(showError).toHaveBeenCalledWith('请检查填写的内容');
    expect(submitButton()).not.toHaveClass('ant-btn-loading');
  });

  it('shows the message with antd message when no showError is given', async () => {
    const run = vi.fn(async () => {
      throw new ApiError(409, 'conflict', '名称已被占用');
    });
    renderUi(<NameForm run={run} />);
    await userEvent.click(submitButton());
    expect(await screen.findByText('名称已被占用')).toBeInTheDocument();
  });

  it('shows the text of an error that is not an API refusal', async () => {
    const showError = vi.fn();
    renderUi(
      <NameForm
        run={async () => {
          throw new TypeError('boom');
        }}
        showError={showError}
      />,
    );
    await userEvent.click(submitButton());
    await waitFor(() => expect(showError).toHaveBeenCalledWith('boom'));
  });

  it('can be submitted again after a failure', async () => {
    const showError = vi.fn();
    const run = vi
      .fn<(values: Values) => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(500, 'internal', '稍后再试'))
      .mockResolvedValueOnce(undefined);
    function Twice() {
      const [done, setDone] = useState(false);
      return (
        <>
          <NameForm
            run={async (values) => {
              await run(values);
              setDone(true);
            }}
            showError={showError}
          />
          {done && <span>已保存</span>}
        </>
      );
    }
    renderUi(<Twice />);
    await userEvent.click(submitButton());
    await waitFor(() => expect(showError).toHaveBeenCalledWith('稍后再试'));
    await userEvent.click(submitButton());
    expect(await screen.findByText('已保存')).toBeInTheDocument();
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('applyApiError', () => {
  it('maps dotted field names to form paths, numbers as list indexes', () => {
    const form = { setFields: vi.fn() };
    const text = applyApiError(
      form as never,
      new ApiError(400, 'validation', '有误', { 'items.0.note': '太长', name: '必填' }),
    );
    expect(text).toBe('有误');
    expect(form.setFields).toHaveBeenCalledWith([
      { name: ['items', 0, 'note'], errors: ['太长'] },
      { name: ['name'], errors: ['必填'] },
    ]);
  });

  it('answers the text of any other error without touching the form', () => {
    const form = { setFields: vi.fn() };
    expect(applyApiError(form as never, new Error('断网'))).toBe('断网');
    expect(applyApiError(null, 'plain')).toBe('plain');
    expect(form.setFields).not.toHaveBeenCalled();
  });
});
