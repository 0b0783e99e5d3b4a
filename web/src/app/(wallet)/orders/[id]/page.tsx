import type { Metadata } from "next";
import { OrderStatus } from "@/components/checkout/OrderStatus";
import { parseCheckoutReturn } from "@/lib/checkout/orderView";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The link is private to the buyer (it is in their receipt): keep it out of search engines.
export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

/** A card order: where the payment page returns to (`?checkout=success|cancelled`), and the receipt's link. */
export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  return (
    <main id="main" className="container stack-lg order-main">
      <h1>Your order</h1>
      <OrderStatus id={id} via={parseCheckoutReturn(query.checkout)} />
    </main>
  );
}
